package io.github.pgmigrate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConnectionUrlsTest {

    @Test
    void supabasePoolerUriBecomesAJdbcUrlPlusCredentials() throws Exception {
        ConnectionTarget target = ConnectionUrls.parse(
                "postgresql://postgres.abcdefghijklmnopqrst:p%40ss%2Fw%3Ard@aws-0-eu-central-1.pooler.supabase.com:6543"
                        + "/postgres?sslmode=require");

        assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql://aws-0-eu-central-1.pooler.supabase.com:6543/postgres");
        assertThat(target.user()).isEqualTo("postgres.abcdefghijklmnopqrst");
        assertThat(target.password()).isEqualTo("p@ss/w:rd");
        assertThat(target.properties()).containsEntry("sslmode", "require");
        assertThat(target.pooler().transactionPooling()).isTrue();
        assertThat(target.pooler().reason()).contains("6543");
        assertThat(target.displayUrl()).doesNotContain("p%40ss").contains("****");
    }

    @Test
    void sessionPoolerOnPort5432IsNotATransactionPooler() throws Exception {
        ConnectionTarget target = ConnectionUrls.parse("postgres://u.ref:x@aws-0-eu-central-1.pooler.supabase.com:5432/postgres");

        assertThat(target.pooler().transactionPooling()).isFalse();
    }

    @Test
    void plusSignInPasswordStaysAPlus() throws Exception {
        assertThat(ConnectionUrls.parse("postgres://u:a+b@localhost/db").password()).isEqualTo("a+b");
    }

    @Test
    void libpqParameterNamesAreTranslated() throws Exception {
        ConnectionTarget target = ConnectionUrls.parse("postgres://localhost:5433/app?connect_timeout=7"
                + "&application_name=ci&target_session_attrs=read-write&search_path=tenant,public");

        assertThat(target.properties())
                .containsEntry("connectTimeout", "7")
                .containsEntry("ApplicationName", "ci")
                .containsEntry("targetServerType", "primary")
                .containsEntry("currentSchema", "tenant,public");
        assertThat(target.port()).isEqualTo(5433);
        assertThat(target.database()).isEqualTo("app");
        assertThat(target.searchPath()).isEqualTo("tenant");
        assertThat(target.warnings()).isEmpty();
    }

    @Test
    void prismaParametersAreDroppedWithAWarningAndPgbouncerTrueFlagsThePoolerWithoutADroppedWarning()
            throws Exception {
        ConnectionTarget target = ConnectionUrls.parse("postgres://u:p@db.example.com:6432/app?pgbouncer=true&connection_limit=1");

        assertThat(target.properties()).doesNotContainKeys("pgbouncer", "connection_limit");
        // One message per fact: pgbouncer=true is reported once, as the pooler's reason, never as "dropped".
        assertThat(target.warnings()).singleElement()
                .satisfies(w -> assertThat(w).contains("connection_limit", "Prisma", "dropped"));
        assertThat(target.pooler().transactionPooling()).isTrue();
        assertThat(target.pooler().reason()).contains("pgbouncer=true", "not passed to the driver")
                .doesNotContain("dropped");
    }

    @Test
    void pgbouncerFalseIsDroppedAndMeansNoPooler() throws Exception {
        ConnectionTarget target = ConnectionUrls.parse("postgres://u:p@db.example.com:6432/app?pgbouncer=false");

        assertThat(target.pooler()).isEqualTo(PoolerMode.NONE);
        assertThat(target.warnings()).singleElement().satisfies(w -> assertThat(w).contains("pgbouncer=false"));
    }

    @Test
    void sqlalchemyDriverSchemesLoseTheirDriverSuffixWithANote() throws Exception {
        ConnectionTarget asyncpg = ConnectionUrls.parse(
                "postgresql+asyncpg://app:s%40cret@db.example.com:5433/app?ssl=require");
        ConnectionTarget psycopg = ConnectionUrls.parse("postgresql+psycopg://app@localhost/app?sslmode=disable");
        ConnectionTarget psycopg2 = ConnectionUrls.parse("postgres+psycopg2://app@localhost/app");

        assertThat(asyncpg.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:5433/app");
        assertThat(asyncpg.user()).isEqualTo("app");
        assertThat(asyncpg.password()).isEqualTo("s@cret");
        assertThat(asyncpg.properties()).containsEntry("sslmode", "require").doesNotContainKey("ssl");
        assertThat(asyncpg.displayUrl()).isEqualTo("postgresql://app:****@db.example.com:5433/app?ssl=require");
        assertThat(asyncpg.warnings()).anySatisfy(w -> assertThat(w).contains("postgresql+asyncpg://",
                "read as postgresql://")).anySatisfy(w -> assertThat(w).contains("sslmode=require"));
        assertThat(psycopg.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/app");
        assertThat(psycopg.properties()).containsEntry("sslmode", "disable");
        assertThat(psycopg.warnings()).singleElement().satisfies(w -> assertThat(w).contains("psycopg"));
        assertThat(psycopg2.warnings()).singleElement().satisfies(w -> assertThat(w).contains("psycopg2"));
    }

    @Test
    void otherPlusSchemesStayMalformed() {
        assertThatThrownBy(() -> ConnectionUrls.parse("mysql+pymysql://u:pw@localhost/db"))
                .isInstanceOf(ConfigurationException.class).hasMessageNotContaining("pw@");
    }

    @Test
    void unknownParametersAreWarnedAbout() throws Exception {
        assertThat(ConnectionUrls.parse("postgres://localhost/db?sslmod=require").warnings())
                .singleElement().satisfies(w -> assertThat(w).contains("sslmod"));
    }

    @Test
    void ipv6HostsKeepTheirBrackets() throws Exception {
        ConnectionTarget target = ConnectionUrls.parse("postgres://u@[2001:db8::1]:5432/db");

        assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql://[2001:db8::1]:5432/db");
        assertThat(target.host()).isEqualTo("[2001:db8::1]");
    }

    @Test
    void jdbcUrlsPassThroughAndTheirSchemaIsRead() throws Exception {
        ConnectionTarget target = ConnectionUrls.parse("jdbc:postgresql://db:5432/app?currentSchema=app&password=s3cret");

        assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/app?currentSchema=app&password=s3cret");
        assertThat(target.searchPath()).isEqualTo("app");
        assertThat(target.displayUrl()).doesNotContain("s3cret");
    }

    @Test
    void userinfoInAJdbcUrlIsRefusedWithoutEchoingThePassword() {
        assertThatThrownBy(() -> ConnectionUrls.parse("jdbc:postgresql://admin:hunter2@db:5432/app"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageNotContaining("hunter2")
                .satisfies(e -> assertThat(((ConfigurationException) e).hint()).contains("postgres://"));
    }

    @Test
    void unencodedSpecialCharactersInThePasswordStillParse() throws Exception {
        ConnectionTarget target = ConnectionUrls.parse("postgres://u:abc/d?e@f@host:5432/db");

        assertThat(target.password()).isEqualTo("abc/d?e@f");
        assertThat(target.host()).isEqualTo("host");
        assertThat(target.displayUrl()).isEqualTo("postgres://u:****@host:5432/db");
    }

    @Test
    void malformedHostGivesAnErrorWithoutThePassword() {
        assertThatThrownBy(() -> ConnectionUrls.parse("postgres://u:sekrit@ho st:5432/db"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageNotContaining("sekrit")
                .satisfies(e -> assertThat(((ConfigurationException) e).hint()).contains("%2F"));
    }

    @Test
    void embeddedTakesAMajor() throws Exception {
        assertThat(ConnectionUrls.parse("embedded").embeddedMajor()).isEqualTo(17);
        assertThat(ConnectionUrls.parse("embedded:14").embeddedMajor()).isEqualTo(14);
        assertThatThrownBy(() -> ConnectionUrls.parse("embedded:9")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("embedded:9");
    }

    @Test
    void otherSchemesAreMalformed() {
        assertThatThrownBy(() -> ConnectionUrls.parse("mysql://root:pw@localhost/db"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageNotContaining("pw@");
    }
}
