package docspec.engine;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.opensearch.Version;
import org.opensearch.common.logging.LogConfigurator;
import org.opensearch.common.settings.Settings;
import org.opensearch.core.common.transport.TransportAddress;
import org.opensearch.env.Environment;
import org.opensearch.http.HttpServerTransport;
import org.opensearch.node.Node;
import org.opensearch.plugins.Plugin;

/**
 * One OpenSearch node in this JVM, for replaying documentation examples against a real engine.
 *
 * <p>HTTP binds to 127.0.0.1 only (a free port unless {@code --port} says otherwise); the node keeps
 * its home, data and snapshot repository in a temporary folder that is removed when the JVM exits.
 * The modules found on the classpath are loaded as plugins; no security plugin is on it, so requests
 * need no credentials. When the node answers, one line starting with {@code docspec-engine } and
 * holding a JSON object (url, port, boot time, peak RSS, modules) goes to stdout, and the port to
 * {@code --port-file} when given. The node stops on SIGTERM/SIGINT and when the process that started
 * this JVM is gone.
 *
 * <p>Options: {@code --port N}, {@code --port-file FILE}, {@code --config DIR} (files copied into the
 * node's config folder, e.g. word lists that analysis settings name), {@code --setting key=value}
 * (repeatable), {@code --log-level LEVEL} (default warn).
 */
public final class Engine {
    /** Module plugin classes, by the jars Maven Central publishes for them. */
    private static final String[] MODULES = {
        "org.opensearch.transport.Netty4Plugin",
        "org.opensearch.analysis.common.CommonAnalysisPlugin",
        "org.opensearch.painless.PainlessPlugin",
        "org.opensearch.script.mustache.MustachePlugin",
        "org.opensearch.index.mapper.MapperExtrasPlugin",
        "org.opensearch.join.ParentJoinPlugin",
        "org.opensearch.percolator.PercolatorPlugin",
        "org.opensearch.index.reindex.ReindexPlugin",
        "org.opensearch.search.aggregations.matrix.MatrixAggregationPlugin",
        "org.opensearch.index.rankeval.RankEvalPlugin",
    };

    /** Node's constructor that takes plugin classes is protected (the test framework's MockNode uses it). */
    private static final class EngineNode extends Node {
        EngineNode(Environment environment, Collection<Class<? extends Plugin>> plugins) {
            super(environment, plugins, true);
        }
    }

    private Engine() {}

    public static void main(String[] args) throws Exception {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        Options options = Options.parse(args);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);

        Path home = Files.createTempDirectory("docspec-engine-");
        Path config = Files.createDirectories(home.resolve("config"));
        if (options.configDir != null) copyTree(options.configDir, config);

        Settings.Builder builder = Settings.builder()
            .put("cluster.name", "docspec-engine")
            .put("node.name", "docspec-engine")
            .put("path.home", home.toString())
            .put("path.data", home.resolve("data").toString())
            .put("path.logs", home.resolve("logs").toString())
            .put("path.repo", home.resolve("repo").toString())
            .put("network.host", "127.0.0.1")
            .put("http.port", options.port)
            .put("transport.port", "0")
            .put("http.type", "netty4")
            .put("transport.type", "netty4")
            .put("discovery.type", "single-node")
            // A nearly full disk would leave shards unassigned and the examples' indices red.
            .put("cluster.routing.allocation.disk.threshold_enabled", false)
            .put("logger.level", options.logLevel);
        for (String setting : options.settings) {
            int eq = setting.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("--setting wants key=value, got: " + setting);
            builder.put(setting.substring(0, eq), setting.substring(eq + 1));
        }
        Settings settings = builder.build();
        LogConfigurator.configureWithoutConfig(settings);

        List<Class<? extends Plugin>> plugins = new ArrayList<>();
        List<String> loaded = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String name : MODULES) {
            try {
                plugins.add(Class.forName(name).asSubclass(Plugin.class));
                loaded.add(name.substring(name.lastIndexOf('.') + 1));
            } catch (ClassNotFoundException e) {
                missing.add(name);
            }
        }

        Node node = new EngineNode(new Environment(settings, config), plugins);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(node, home, options.portFile), "docspec-engine-stop"));
        watchParent();
        node.start();

        TransportAddress address = node.injector().getInstance(HttpServerTransport.class).boundAddress().publishAddress();
        int port = address.getPort();
        String url = "http://127.0.0.1:" + port;
        if (options.portFile != null) writeAtomically(options.portFile, port + "\n");
        long bootMs = System.currentTimeMillis() - jvmStart;
        out.println("docspec-engine {\"event\":\"ready\",\"url\":\"" + url + "\",\"port\":" + port
            + ",\"pid\":" + ProcessHandle.current().pid()
            + ",\"version\":\"" + Version.CURRENT + "\""
            + ",\"bootMs\":" + bootMs
            + ",\"peakRssKiB\":" + peakRssKiB()
            + ",\"heapMaxMiB\":" + Runtime.getRuntime().maxMemory() / (1024 * 1024)
            + ",\"modules\":" + jsonArray(loaded)
            + ",\"missingModules\":" + jsonArray(missing) + "}");
        // The node's threads are daemons: hold the JVM until a signal or the parent's death ends it.
        new CountDownLatch(1).await();
    }

    private static void stop(Node node, Path home, Path portFile) {
        try {
            node.close();
            node.awaitClose(10, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException | RuntimeException e) {
            System.err.println("docspec-engine: error while stopping the node: " + e);
        }
        long peak = peakRssKiB();
        try {
            if (portFile != null) Files.deleteIfExists(portFile);
            deleteTree(home);
        } catch (IOException e) {
            System.err.println("docspec-engine: could not remove " + home + ": " + e);
        }
        System.out.println("docspec-engine {\"event\":\"stopped\",\"peakRssKiB\":" + peak + "}");
    }

    /** Exits when the process that started this JVM ends, even if it was killed without a word. */
    private static void watchParent() {
        ProcessHandle parent = ProcessHandle.current().parent().orElse(null);
        if (parent == null) return;
        Thread watcher = new Thread(() -> {
            while (parent.isAlive()) {
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
            System.err.println("docspec-engine: parent process " + parent.pid() + " ended; stopping");
            System.exit(0);
        }, "docspec-engine-parent-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** VmHWM of /proc/self/status: the resident set's high-water mark (0 where /proc is absent). */
    private static long peakRssKiB() {
        try {
            for (String line : Files.readAllLines(Paths.get("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux: no figure
        }
        return 0;
    }

    private static void writeAtomically(Path file, String text) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, ".port", ".tmp");
        Files.writeString(tmp, text);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) Files.createDirectories(target);
                else Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) Files.deleteIfExists(path);
        }
    }

    private static String jsonArray(List<String> names) {
        StringBuilder json = new StringBuilder("[");
        for (String name : names) json.append(json.length() > 1 ? "," : "").append('"').append(name).append('"');
        return json.append(']').toString();
    }

    private static final class Options {
        String port = "0";
        Path portFile;
        Path configDir;
        String logLevel = "warn";
        final List<String> settings = new ArrayList<>();

        static Options parse(String[] args) {
            Options options = new Options();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (i + 1 >= args.length) throw new IllegalArgumentException("missing value after " + arg);
                String value = args[++i];
                switch (arg) {
                    case "--port": options.port = value; break;
                    case "--port-file": options.portFile = Paths.get(value); break;
                    case "--config": options.configDir = Paths.get(value); break;
                    case "--log-level": options.logLevel = value; break;
                    case "--setting": options.settings.add(value); break;
                    default: throw new IllegalArgumentException("unknown option " + arg);
                }
            }
            return options;
        }
    }
}
