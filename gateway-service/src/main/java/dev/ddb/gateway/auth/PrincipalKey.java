package dev.ddb.gateway.auth;

/** A principal with its secret access key, as the principals file gives it; its text never shows the secret. */
record PrincipalKey(Principal principal, String secretAccessKey) {

    @Override
    public String toString() {
        return "PrincipalKey[" + principal.name() + ", " + principal.accessKeyId() + "]";
    }
}
