package io.parbench.bench.run;

import java.io.BufferedReader;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The JMH host of one side of an A/B run: a JVM on the side's jar (plus this one class, which needs nothing but the
 * JDK and JMH's API) that runs one JMH invocation per request, so that every fork costs one JVM start instead of
 * two. Forks get the side's jar alone as their class path ({@code java.class.path} is what JMH gives them).
 *
 * <p>Protocol, one line each way: a request is tab-separated, URL-encoded fields: the log file for JMH's text
 * output, then JMH's command-line arguments; the reply is {@code done <code>}, 0 when JMH finished without error.
 * End of input ends the host. Deliberately one class, without lambdas or nested classes, so that the launcher can
 * copy it out of its own jar as a single file.
 */
public final class AbHost {

    private AbHost() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream reply = new PrintStream(new FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setProperty("java.class.path", args[0]); // the forks: the side's jar, without this host
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            String[] fields = line.split("\t", -1);
            String[] jmhArgs = new String[fields.length - 1];
            for (int i = 1; i < fields.length; i++) {
                jmhArgs[i - 1] = URLDecoder.decode(fields[i], StandardCharsets.UTF_8);
            }
            int code;
            try (PrintStream log = new PrintStream(new FileOutputStream(URLDecoder.decode(fields[0], StandardCharsets.UTF_8)),
                    true, StandardCharsets.UTF_8)) {
                PrintStream out = System.out;
                PrintStream err = System.err;
                System.setOut(log);
                System.setErr(log);
                try {
                    org.openjdk.jmh.runner.options.CommandLineOptions options =
                            new org.openjdk.jmh.runner.options.CommandLineOptions(jmhArgs);
                    new org.openjdk.jmh.runner.Runner(options).run();
                    code = 0;
                } catch (Throwable t) {
                    t.printStackTrace(log);
                    code = 1;
                } finally {
                    System.setOut(out);
                    System.setErr(err);
                }
            }
            reply.println("done " + code);
        }
    }
}
