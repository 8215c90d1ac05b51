package dev.ddb.standalone;

/** What {@code java -jar ddb-standalone.jar --help} prints. */
final class Usage {

    static final String TEXT = """
            Usage:
              java -Xms96m -Xmx512m -jar ddb-standalone.jar start the stack (DynamoDB endpoint, embedded Kafka)
              java -jar ddb-standalone.jar tail <topic> [options]
                                                             print a Kafka topic's records, one JSON line each
              java -jar ddb-standalone.jar kafka             only the embedded Kafka broker (DDB_KAFKA_PORT,
                                                             data in DDB_DATA_DIR/kafka): for running each
                                                             service's own jar as docker-compose does
              java -jar ddb-standalone.jar rotate-key <new key file>
                                                             with the stack stopped: re-encrypt every store
                                                             and backup file under the master key in the
                                                             new file (created when missing)
              java -XX:ArchiveClassesAtExit=<file> -jar ddb-standalone.jar cds-training
                                                             start the stack on free ports in a scratch
                                                             directory and stop it, so the JVM writes the
                                                             classes it loaded to a class data sharing
                                                             archive (the build does this: see README)
              java -jar ddb-standalone.jar --help            this text

            The stack: a DynamoDB-compatible endpoint (AWS JSON 1.0) on http://localhost:8000 and
            https://localhost:8443, a Kafka broker on localhost:9092, every service on its own port, data
            under ./data. Ctrl-C stops it. HTTPS uses a self-signed certificate made on the first start and
            kept in DDB_DATA_DIR/gateway-service/gateway-cert.pem: give that file to your clients
            (aws --ca-bundle, AWS_CA_BUNDLE, boto3 verify=), or bring your own keystore.
            The heap is the JVM's: set it with -Xmx (512m is plenty to try it out) or JAVA_TOOL_OPTIONS,
            and -Xms96m: idle, the stack gives memory back, but the heap never shrinks below its initial
            size, by default 1/64 of the machine's memory.

            Environment variables (stack):
              DDB_DATA_DIR              where all data lives                         (./data)
              DDB_GATEWAY_PORT          the DynamoDB endpoint, plain HTTP            (8000)
              DDB_GATEWAY_TLS_PORT      the DynamoDB endpoint, HTTPS                 (8443)
              DDB_GATEWAY_HTTP_ENABLED  false: HTTPS only, port 8000 closed          (true)
              DDB_GATEWAY_TLS_ENABLED   false: plain HTTP only                       (true)
              DDB_GATEWAY_TLS_KEYSTORE  your PKCS12 keystore instead of the
                                        self-signed certificate                      (unset)
              DDB_GATEWAY_TLS_KEYSTORE_PASSWORD
                                        its password                                 (unset)
              DDB_GATEWAY_TLS_KEY_ALIAS its entry to serve, if it holds several      (unset)
              DDB_GATEWAY_TLS_HOST_NAMES
                                        more names for the self-signed certificate,
                                        comma-separated (localhost, 127.0.0.1, ::1
                                        and the host name are always in it)          (unset)
              DDB_TABLE_SERVICE_PORT    table-service                                (8101)
              DDB_ITEM_SERVICE_PORT     item-service                                 (8102)
              DDB_STREAM_SERVICE_PORT   stream-service                               (8103)
              DDB_BACKUP_SERVICE_PORT   backup-service                               (8104)
              DDB_KAFKA_PORT            the embedded Kafka broker                    (9092)
              KAFKA_BOOTSTRAP_SERVERS   use this Kafka instead of the embedded one   (unset)
              DDB_DURABILITY            SYNC: acknowledged once fsynced; ASYNC: at once,
                                        a crash loses up to the last 100 ms          (SYNC)
              DDB_ITEM_PAGE_CACHE_MIB   item-service's page cache in MiB             (16)
              DDB_GATEWAY_FORWARDING    in-process or http                           (in-process)
              DDB_DISPATCH_THREADS      each service's pool for blocking work        (8 per core)
              DDB_AUTH_MODE             open: any well-formed SigV4 signature works;
                                        verify: signatures checked against the keys of
                                        DDB_PRINCIPALS_FILE                          (open)
              DDB_PRINCIPALS_FILE       the principals and their keys (JSON, reloaded when
                                        it changes; see docs/principals.example.json) (unset)
              DDB_MASTER_KEY_FILE       the master key every store and backup file is
                                        encrypted under (32 random bytes in base64);
                                        created with a new key when missing         (DDB_DATA_DIR/master.key)
              DDB_FUNCTIONS             functions event source mappings and event rules
                                        invoke, by name:
                                        name=http://host:port/path,...               (unset)

            tail <topic>: reads committed records (read_committed) of every partition, from the
            beginning; prints {"partition","offset","timestamp","key","value"} per record (the value
            as JSON if it is JSON, else as a string). Waits for the topic if it does not exist yet.
              --from-end                only records written from now on
              --bootstrap-servers HOST:PORT
                                        default: KAFKA_BOOTSTRAP_SERVERS, else localhost:$DDB_KAFKA_PORT (9092)
              --max-records N           stop after N records
            Topics: ddb.stream.<TableName> (a table's stream), ddb.kinesis.<StreamName> (a Kinesis
            streaming destination), ddb.item-changes, ddb.table-events.
            """;

    private Usage() {
    }
}
