package dev.jmcp;

import dev.jmcp.internal.Copies;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/** A prompt template as registered: string arguments, completion for them, and its renderer. */
public record Prompt(String name, String title, String description, List<Arg<String>> args, List<Icon> icons,
                     Map<String, Completer> completers, PromptHandler handler) {

    public static Prompt define(String name, Consumer<Builder> spec) {
        var builder = new Builder(name);
        spec.accept(builder);
        return builder.build();
    }

    public static final class Builder {
        private final String name;
        private String title;
        private String description;
        private final List<Arg<String>> args = new ArrayList<>();
        private final List<Icon> icons = new ArrayList<>();
        private final Map<String, Completer> completers = new LinkedHashMap<>();
        private PromptHandler handler;

        Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        public Builder title(String title) {
            this.title = title;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        @SafeVarargs
        public final Builder args(Arg<String>... args) {
            this.args.addAll(List.of(args));
            return this;
        }

        public Builder icon(Icon icon) {
            icons.add(Objects.requireNonNull(icon, "icon"));
            return this;
        }

        /** Completes values of one argument as the user types. */
        public Builder complete(Arg<String> arg, Completer completer) {
            completers.put(arg.name(), Objects.requireNonNull(completer, "completer"));
            return this;
        }

        public Builder render(PromptHandler handler) {
            this.handler = Objects.requireNonNull(handler, "handler");
            return this;
        }

        Prompt build() {
            if (name.isBlank()) throw new IllegalArgumentException("prompt name is blank");
            if (description == null || description.isBlank()) {
                throw new IllegalArgumentException("prompt \"" + name + "\" needs a description");
            }
            if (handler == null) throw new IllegalArgumentException("prompt \"" + name + "\" has no handler: add .render(call -> ...)");
            for (String arg : completers.keySet()) {
                if (args.stream().noneMatch(a -> a.name().equals(arg))) {
                    throw new IllegalArgumentException("prompt \"" + name + "\" completes \"" + arg + "\", which is not one of its args");
                }
            }
            return new Prompt(name, title, description, List.copyOf(args), List.copyOf(icons), Copies.map(completers), handler);
        }
    }
}
