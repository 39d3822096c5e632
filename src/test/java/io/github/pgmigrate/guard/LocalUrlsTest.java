package io.github.pgmigrate.guard;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgmigrate.config.ConnectionUrls;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** "Local" is read from the URL's text alone; nothing is resolved. */
class LocalUrlsTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "embedded", "embedded:15",
            "jdbc:postgresql://localhost:5432/app", "jdbc:postgresql://LOCALHOST/app", "jdbc:postgresql://localhost./app",
            "jdbc:postgresql://127.0.0.1:5432/app", "jdbc:postgresql://127.1.2.3/app", "jdbc:postgresql://127.255.255.254/app",
            "jdbc:postgresql://[::1]:5432/app", "jdbc:postgresql://[0:0:0:0:0:0:0:1]/app",
            "jdbc:postgresql://[::ffff:127.0.0.1]/app",
            "jdbc:postgresql://localhost:5432,127.0.0.1:5433/app",
            "jdbc:postgresql:app", "jdbc:postgresql:", "jdbc:postgresql://localhost/app?sslmode=require",
            "jdbc:postgresql://localhost/app?socketFactory=org.newsclub.net.unix.AFUNIXSocketFactory$FactoryArg",
            "postgres://user:secret@localhost:5432/app", "postgresql://127.0.0.1/app", "postgresql:///app",
            "postgresql://%2Fvar%2Frun%2Fpostgresql/app", "postgresql+asyncpg://u:p@localhost/app",
            "postgres://u@[::1]:5432/app"})
    void local(String url) throws Exception {
        assertThat(LocalUrls.whyLocal(ConnectionUrls.parse(url))).as(url).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "jdbc:postgresql://db.example.com:5432/app", "jdbc:postgresql://prod-db/app",
            "jdbc:postgresql://localhost.example.com/app", "jdbc:postgresql://localhost-prod/app",
            "jdbc:postgresql://127.0.0.1.nip.io/app", "jdbc:postgresql://127.example.com/app",
            "jdbc:postgresql://128.0.0.1/app", "jdbc:postgresql://10.0.0.5/app", "jdbc:postgresql://0.0.0.0/app",
            "jdbc:postgresql://127.1/app", "jdbc:postgresql://127.0.0.256/app", "jdbc:postgresql://192.168.1.10/app",
            "jdbc:postgresql://[::2]/app", "jdbc:postgresql://[2001:db8::1]/app", "jdbc:postgresql://[fe80::1%25eth0]/app",
            "jdbc:postgresql://localhost:5432,db.example.com:5432/app",
            "postgres://postgres:secret@db.abcdefghijklmnopqrst.supabase.co:5432/postgres",
            "postgresql://postgres.ref:pw@aws-0-eu-west-1.pooler.supabase.com:6543/postgres",
            "postgres://u:p@myhost:5432/app", "postgres://u:p@127.0.0.1.example.org/app"})
    void notLocal(String url) throws Exception {
        assertThat(LocalUrls.whyLocal(ConnectionUrls.parse(url))).as(url).isEmpty();
    }
}
