package io.parbench.bench.process;

/**
 * The line protocol between a parent JVM and a child worker JVM, over the child's stdin and stdout.
 *
 * <pre>
 * child  -> parent   READY &lt;pid&gt;                        once, when the child can take work
 * parent -> child    RANGE &lt;spec&gt; &lt;from&gt; &lt;to&gt;           compute units [from, to) of the CPU workload
 *                                                   that RangeWorkload.spec() describes (primes/300000)
 * child  -> parent   OK &lt;answer&gt;                       the partial answer (a decimal long)
 * child  -> parent   ERR &lt;message&gt;                     the request was bad or the work threw
 * parent -> child    PING                              a round trip with no work
 * child  -> parent   PONG
 * parent -> child    EXIT  (or end of stdin)           the child exits with status 0
 * </pre>
 *
 * <p>One request is in flight per child at a time. Anything a child has to say besides answers goes to its
 * stderr, which the parent passes through to its own (and so into the run log).
 */
public final class WorkerProtocol {

    public static final String READY = "READY";
    public static final String RANGE = "RANGE";
    public static final String OK = "OK";
    public static final String ERR = "ERR";
    public static final String PING = "PING";
    public static final String PONG = "PONG";
    public static final String EXIT = "EXIT";

    /** A system property set on every child JVM, so that a child can be recognised among the OS's processes. */
    public static final String MARKER_PROPERTY = "parbench.worker";

    private WorkerProtocol() {
    }
}
