package com.promises.api.deployment;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A Dockerfile read as Docker reads it: stages of instructions, continued lines joined, comments dropped. */
record Dockerfile(List<Stage> stages) {

    static Dockerfile read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Stage> stages = new ArrayList<>();
        StringBuilder instruction = new StringBuilder();
        for (String line : lines) {
            String text = line.strip();
            if (text.startsWith("#") || (text.isEmpty() && instruction.isEmpty())) {
                continue; // Docker drops comment lines, also inside a continued instruction
            }
            if (text.endsWith("\\")) {
                instruction.append(text, 0, text.length() - 1).append(' ');
                continue;
            }
            instruction.append(text);
            add(stages, instruction.toString().strip());
            instruction.setLength(0);
        }
        if (!instruction.isEmpty()) {
            add(stages, instruction.toString().strip());
        }
        return new Dockerfile(List.copyOf(stages));
    }

    private static void add(List<Stage> stages, String text) {
        String[] parts = text.split("\\s+", 2);
        Instruction instruction = new Instruction(parts[0].toUpperCase(Locale.ROOT), parts.length > 1 ? parts[1] : "");
        if (instruction.keyword().equals("FROM")) {
            List<String> words = instruction.words();
            String name = words.size() == 3 && words.get(1).equalsIgnoreCase("AS") ? words.get(2) : null;
            stages.add(new Stage(name, words.get(0), new ArrayList<>()));
        } else if (stages.isEmpty()) {
            throw new IllegalStateException("An instruction before the first FROM: " + text);
        } else {
            stages.get(stages.size() - 1).instructions().add(instruction);
        }
    }

    Stage stage(String name) {
        return stages.stream().filter(stage -> name.equals(stage.name())).findFirst()
                .orElseThrow(() -> new IllegalStateException("No stage named " + name));
    }

    /** The stage the image is made of. */
    Stage last() {
        return stages.get(stages.size() - 1);
    }

    record Stage(String name, String image, List<Instruction> instructions) {

        List<Instruction> all(String keyword) {
            return instructions.stream().filter(instruction -> instruction.keyword().equals(keyword)).toList();
        }

        Optional<Instruction> last(String keyword) {
            List<Instruction> all = all(keyword);
            return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
        }
    }

    /**
     * One instruction: its keyword and the rest of its line. Options come first ({@code COPY --from=build},
     * {@code HEALTHCHECK --interval=10s}); the body is either a JSON array (exec form) or plain text (shell form).
     */
    record Instruction(String keyword, String arguments) {

        private static final ObjectMapper JSON = new ObjectMapper();

        Map<String, String> options() {
            Map<String, String> options = new LinkedHashMap<>();
            for (String word : arguments.split("\\s+")) {
                if (!word.startsWith("--")) {
                    break;
                }
                String[] option = word.substring(2).split("=", 2);
                options.put(option[0], option.length > 1 ? option[1] : "");
            }
            return options;
        }

        String body() {
            String body = arguments;
            while (body.startsWith("--")) {
                String[] rest = body.split("\\s+", 2);
                body = rest.length > 1 ? rest[1] : "";
            }
            return body;
        }

        boolean isExecForm() {
            return body().startsWith("[");
        }

        /** The body's words: the JSON array's elements, or the text split at spaces (as COPY and FROM read it). */
        List<String> words() {
            if (!isExecForm()) {
                return Arrays.asList(body().split("\\s+"));
            }
            try {
                return JSON.readValue(body(), new TypeReference<List<String>>() {
                });
            } catch (IOException e) {
                throw new IllegalStateException(keyword + " is not a JSON array of strings: " + body(), e);
            }
        }

        @Override
        public String toString() {
            return keyword + " " + arguments;
        }
    }
}
