package io.github.pgmigrate.bench;

import io.github.pgmigrate.sql.Statement;
import io.github.pgmigrate.sql.SqlSyntaxException;
import io.github.pgmigrate.sql.StatementSplitter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Splitting speed over 1 MiB of generated migrations. The peer is a bare scan that only counts semicolons: the cost
 * floor of touching every character once.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SplitterBenchmark {
    static final int BYTES = 1 << 20;
    String text;

    @Setup(Level.Trial)
    public void setUp() {
        text = Corpus.text(BYTES);
    }

    @Benchmark
    public List<Statement> split() throws SqlSyntaxException {
        return StatementSplitter.split(text);
    }

    @Benchmark
    public int peerSemicolonScan() {
        int count = 0;
        for (int i = text.indexOf(';'); i >= 0; i = text.indexOf(';', i + 1)) {
            count++;
        }
        return count;
    }
}
