package io.github.pgmigrate.config;

import io.github.pgmigrate.config.hcl.HclEvaluator;
import io.github.pgmigrate.config.hcl.HclException;
import io.github.pgmigrate.config.hcl.HclParser;
import io.github.pgmigrate.config.hcl.HclSyntax.Attribute;
import io.github.pgmigrate.config.hcl.HclSyntax.Block;
import io.github.pgmigrate.config.hcl.HclSyntax.Body;
import io.github.pgmigrate.config.hcl.HclSyntax.Call;
import io.github.pgmigrate.config.hcl.HclSyntax.Expression;
import io.github.pgmigrate.config.hcl.HclSyntax.Traversal;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads an environment from an Atlas project file ({@code atlas.hcl}): the {@code env "<name>"} block (or an unlabeled
 * {@code env} block whose {@code name} is {@code atlas.env}) with {@code url}, {@code dev}, {@code exclude} and
 * {@code migration { dir, revisions_schema, baseline, exec_order }}; values may use {@code var.x} (a
 * {@code variable} block's default), {@code local.x} ({@code locals} blocks), {@code atlas.env}, {@code getenv("X")}
 * and {@code urlescape(…)}. Whatever else the block holds is listed in {@link AtlasEnvironment#notUsed()}.
 */
public final class AtlasProjectFile {
    private static final Set<String> TOP_LEVEL = Set.of("env", "variable", "locals");

    private final Path path;
    private final String name;
    private final Body root;
    private final String envName;
    private final SecretSources secrets;
    private final HclEvaluator evaluator;
    private final Map<String, Object> localValues = new HashMap<>();
    private final Set<String> evaluatingLocals = new LinkedHashSet<>();
    private final Set<String> unsetVariables = new LinkedHashSet<>();

    private AtlasProjectFile(Path path, Body root, String envName, SecretSources secrets) {
        this.path = path;
        this.name = path.getFileName().toString();
        this.root = root;
        this.envName = envName;
        this.secrets = secrets;
        this.evaluator = new HclEvaluator(name, new Names());
    }

    /**
     * @param file    the atlas.hcl
     * @param envName the {@code env} block to read ({@code -Dpgmigrate.atlasEnv})
     * @param secrets where {@code getenv} reads from
     */
    public static AtlasEnvironment read(Path file, String envName, SecretSources secrets)
            throws ConfigurationException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigurationException("the Atlas project file " + file + " does not exist",
                    "point <atlasConfig> (-Dpgmigrate.atlasConfig) at your atlas.hcl, or drop -Dpgmigrate.atlasEnv");
        } catch (IOException e) {
            throw new ConfigurationException("cannot read the Atlas project file " + file + ": " + e, "check that it"
                    + " is a readable UTF-8 file");
        }
        try {
            Body root = HclParser.parse(file.getFileName().toString(), text);
            return new AtlasProjectFile(file, root, envName, secrets).environment();
        } catch (HclException e) {
            throw new ConfigurationException(e.getMessage(), "pgmigrate reads the part of HCL that atlas.hcl files"
                    + " use; see docs/configuration.md#atlashcl");
        }
    }

    private AtlasEnvironment environment() throws HclException, ConfigurationException {
        Block env = selectEnv();
        Body body = env.body();
        List<String> notUsed = new ArrayList<>();
        for (Block block : root.blocks()) {
            if (!TOP_LEVEL.contains(block.type())) {
                notUsed.add(name + ":" + block.line() + ": " + block.type() + " block");
            }
        }
        for (Attribute attribute : root.attributes()) {
            notUsed.add(name + ":" + attribute.line() + ": " + attribute.name());
        }
        Set<String> used = env.labels().isEmpty() ? Set.of("url", "dev", "exclude", "name")
                : Set.of("url", "dev", "exclude");
        for (Attribute attribute : body.attributes()) {
            if (!used.contains(attribute.name())) {
                notUsed.add(name + ":" + attribute.line() + ": " + attribute.name());
            }
        }
        Block migration = null;
        for (Block block : body.blocks()) {
            if (block.type().equals("migration") && migration == null) {
                migration = block;
            } else {
                notUsed.add(name + ":" + block.line() + ": " + block.type() + " block");
            }
        }
        Attribute urlAttribute = body.attribute("url");
        if (urlAttribute == null) {
            throw new HclException(name, env.line(), "env \"" + envName + "\" has no url");
        }
        String url = requiredString(urlAttribute, "url");
        String dev = optionalString(body.attribute("dev"), "dev");
        List<String> exclude = body.attribute("exclude") == null ? List.of()
                : evaluator.strings(body.attribute("exclude").value(), "exclude");
        Path dir = null;
        String revisionsSchema = null;
        String baseline = null;
        String execOrder = null;
        if (migration != null) {
            Body settings = migration.body();
            for (Attribute attribute : settings.attributes()) {
                if (!Set.of("dir", "revisions_schema", "baseline", "exec_order", "format")
                        .contains(attribute.name())) {
                    notUsed.add(name + ":" + attribute.line() + ": migration." + attribute.name());
                }
            }
            settings.blocks().forEach(b -> notUsed.add(name + ":" + b.line() + ": migration." + b.type() + " block"));
            checkFormat(settings.attribute("format"));
            dir = directory(settings.attribute("dir"));
            revisionsSchema = optionalString(settings.attribute("revisions_schema"), "migration.revisions_schema");
            baseline = optionalString(settings.attribute("baseline"), "migration.baseline");
            execOrder = execOrder(settings.attribute("exec_order"));
        }
        Environment environment = new Environment(envName, url, null, null, null, revisionsSchema, dev, Map.of(),
                true);
        return new AtlasEnvironment(environment, dir, baseline, execOrder, exclude, notUsed);
    }

    private Block selectEnv() throws HclException, ConfigurationException {
        List<Block> labeled = root.blocks("env").stream()
                .filter(b -> b.labels().size() == 1 && b.labels().get(0).equals(envName)).toList();
        if (labeled.size() > 1) {
            throw new HclException(name, labeled.get(1).line(), "a second env \"" + envName + "\" block (the first"
                    + " is on line " + labeled.get(0).line() + ")");
        }
        if (labeled.size() == 1) {
            return labeled.get(0);
        }
        for (Block block : root.blocks("env")) {
            if (block.labels().isEmpty()) {
                Attribute nameAttribute = block.body().attribute("name");
                if (nameAttribute != null && envName.equals(evaluator.string(nameAttribute.value(), "name"))) {
                    return block;
                }
            }
        }
        List<String> names = root.blocks("env").stream().filter(b -> !b.labels().isEmpty())
                .map(b -> b.labels().get(0)).toList();
        throw new ConfigurationException(path + " has no env \"" + envName + "\" block",
                names.isEmpty() ? "add env \"" + envName + "\" { url = … }"
                        : "its environments are " + String.join(", ", names) + "; choose one with"
                        + " -Dpgmigrate.atlasEnv");
    }

    private String requiredString(Attribute attribute, String what) throws HclException {
        unsetVariables.clear();
        String value = evaluator.string(attribute.value(), what);
        if (value.isBlank()) {
            throw new HclException(name, attribute.line(), what + " is empty" + (unsetVariables.isEmpty() ? ""
                    : ": the environment variable " + String.join(", ", unsetVariables) + " read by getenv is not"
                    + " set"));
        }
        return value;
    }

    private String optionalString(Attribute attribute, String what) throws HclException {
        if (attribute == null) {
            return null;
        }
        String value = evaluator.string(attribute.value(), what);
        return value.isBlank() ? null : value;
    }

    private void checkFormat(Attribute format) throws HclException {
        if (format == null) {
            return;
        }
        String value = keywordOrString(format.value(), "migration.format");
        if (!value.equalsIgnoreCase("atlas")) {
            throw new HclException(name, format.line(), "migration.format is " + value + "; pgmigrate reads only"
                    + " Atlas's own directory format (format = atlas)");
        }
    }

    private Path directory(Attribute dir) throws HclException {
        if (dir == null) {
            return null;
        }
        String url = requiredString(dir, "migration.dir");
        if (!url.startsWith("file://")) {
            throw new HclException(name, dir.line(), "migration.dir \"" + url + "\" is not a file:// directory;"
                    + " pgmigrate reads local directories only");
        }
        String location = url.substring("file://".length());
        int query = location.indexOf('?');
        if (query >= 0) {
            location = location.substring(0, query);
        }
        Path base = path.toAbsolutePath().getParent();
        return base.resolve(location).normalize();
    }

    /** Atlas writes {@code exec_order = LINEAR_SKIP}; its CLI lower-cases it and turns _ into -. */
    private String execOrder(Attribute attribute) throws HclException {
        if (attribute == null) {
            return null;
        }
        String value = keywordOrString(attribute.value(), "migration.exec_order").toLowerCase(Locale.ROOT)
                .replace('_', '-');
        if (!Set.of("linear", "linear-skip", "non-linear").contains(value)) {
            throw new HclException(name, attribute.line(), "unknown migration.exec_order " + value + "; use LINEAR,"
                    + " LINEAR_SKIP or NON_LINEAR");
        }
        return value;
    }

    private String keywordOrString(Expression expression, String what) throws HclException {
        if (expression instanceof Traversal keyword && keyword.steps().isEmpty()) {
            return keyword.root();
        }
        return evaluator.string(expression, what);
    }

    /** What {@code var.}, {@code local.}, {@code atlas.env} and the functions mean in an Atlas project file. */
    private final class Names implements HclEvaluator.Scope {
        @Override
        public Object traversal(Traversal traversal) throws HclException {
            List<String> steps = traversal.steps();
            String reference = traversal.root() + (steps.isEmpty() ? "" : "." + String.join(".", steps));
            if (steps.size() != 1) {
                throw new HclException(name, traversal.line(), "unknown name " + reference + "; values can use"
                        + " var.NAME, local.NAME and atlas.env");
            }
            String key = steps.get(0);
            return switch (traversal.root()) {
                case "var" -> variable(key, traversal.line());
                case "local" -> local(key, traversal.line());
                case "atlas" -> {
                    if (!key.equals("env")) {
                        throw new HclException(name, traversal.line(), "unknown name " + reference
                                + "; pgmigrate knows atlas.env");
                    }
                    yield envName;
                }
                default -> throw new HclException(name, traversal.line(), reference + " is not supported by"
                        + " pgmigrate; values can use var.NAME, local.NAME and atlas.env");
            };
        }

        private Object variable(String key, int line) throws HclException {
            Block declaration = root.blocks("variable").stream()
                    .filter(b -> b.labels().size() == 1 && b.labels().get(0).equals(key)).findFirst().orElse(null);
            if (declaration == null) {
                throw new HclException(name, line, "var." + key + " is not declared; add variable \"" + key
                        + "\" { default = … }");
            }
            Attribute value = declaration.body().attribute("default");
            if (value == null) {
                throw new HclException(name, declaration.line(), "variable \"" + key + "\" has no default;"
                        + " pgmigrate does not take --var values: give it one, e.g. default = getenv(\""
                        + key.toUpperCase(Locale.ROOT) + "\")");
            }
            return evaluator.evaluate(value.value());
        }

        private Object local(String key, int line) throws HclException {
            if (localValues.containsKey(key)) {
                return localValues.get(key);
            }
            Attribute definition = null;
            for (Block locals : root.blocks("locals")) {
                Attribute candidate = locals.body().attribute(key);
                if (candidate != null) {
                    definition = candidate;
                }
            }
            if (definition == null) {
                throw new HclException(name, line, "local." + key + " is not defined in a locals block");
            }
            if (!evaluatingLocals.add(key)) {
                throw new HclException(name, definition.line(), "local." + key + " refers to itself through "
                        + String.join(" → ", evaluatingLocals));
            }
            try {
                Object value = evaluator.evaluate(definition.value());
                localValues.put(key, value);
                return value;
            } finally {
                evaluatingLocals.remove(key);
            }
        }

        @Override
        public Object call(Call call, List<Object> arguments) throws HclException {
            switch (call.name()) {
                case "getenv" -> {
                    String variable = onlyString(call, arguments);
                    String value = secrets.variables().get(variable);
                    if (value == null || value.isEmpty()) {
                        unsetVariables.add(variable);
                        return "";
                    }
                    return value;
                }
                case "urlescape" -> {
                    return URLEncoder.encode(onlyString(call, arguments), StandardCharsets.UTF_8)
                            .replace("+", "%20");
                }
                default -> throw new HclException(name, call.line(), "function " + call.name() + "(…) is not"
                        + " supported by pgmigrate; it knows getenv and urlescape");
            }
        }

        private String onlyString(Call call, List<Object> arguments) throws HclException {
            if (arguments.size() != 1 || !(arguments.get(0) instanceof String value)) {
                throw new HclException(name, call.line(), call.name() + "(…) takes one string");
            }
            return value;
        }
    }
}
