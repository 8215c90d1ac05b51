package dev.ddb.stream.trigger;

import java.util.List;

/** Invokes a function with an event; never throws for the function's failures, which are results. */
public interface FunctionInvoker {

    InvokeResult invoke(byte[] event) throws InterruptedException;

    /**
     * What an invocation came to.
     *
     * @param success    the function answered 2xx
     * @param statusCode the HTTP status (0 when there was none: timeout, refused connection)
     * @param body       the answer, null when there was none
     * @param error      why it failed, for LastProcessingResult and logs
     */
    record InvokeResult(boolean success, int statusCode, byte[] body, String error) {

        public static InvokeResult ok(int status, byte[] body) {
            return new InvokeResult(true, status, body, null);
        }

        public static InvokeResult failed(int status, String error) {
            return new InvokeResult(false, status, null, error);
        }
    }

    /** A function's partial batch response: the sequence numbers it names, or null when the answer is not one. */
    static List<String> batchItemFailures(byte[] body) {
        return BatchItemFailures.parse(body);
    }
}
