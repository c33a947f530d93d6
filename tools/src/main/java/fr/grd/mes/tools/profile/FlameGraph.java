package fr.grd.mes.tools.profile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An async-profiler 4 HTML flame graph read back: its frames (name, frame type, samples) as a tree. The page
 * holds a constant pool of names (each sharing a prefix with the one before it) and one call per frame —
 * {@code f(key, level, left, width)}, {@code u(key, width)} one level down, {@code n(key, width)} beside the previous
 * frame — which is what is parsed here; a frame's parent is the frame one level up whose span holds it.
 */
final class FlameGraph {
    /** async-profiler's frame types (the low three bits of a frame's key). */
    static final int INTERPRETED = 0, JIT_COMPILED = 1, INLINED = 2, NATIVE = 3, CPP = 4, KERNEL = 5, C1_COMPILED = 6;

    static final class Frame {
        final String name;
        final int type;
        final int level;
        final long left;
        final long width;
        Frame parent;
        final List<Frame> children = new ArrayList<>();

        Frame(String name, int type, int level, long left, long width) {
            this.name = name;
            this.type = type;
            this.level = level;
            this.left = left;
            this.width = width;
        }

        /** Samples in this frame itself, not in what it called. */
        long self() {
            return width - children.stream().mapToLong(c -> c.width).sum();
        }

        boolean isJava() {
            return type == INTERPRETED || type == JIT_COMPILED || type == INLINED || type == C1_COMPILED;
        }
    }

    final List<List<Frame>> levels = new ArrayList<>();

    Frame root() {
        return levels.get(0).get(0);
    }

    long samples() {
        return root().width;
    }

    List<Frame> frames() {
        return levels.stream().flatMap(List::stream).toList();
    }

    static FlameGraph read(Path html) throws IOException {
        return parse(Files.readString(html, StandardCharsets.UTF_8));
    }

    static FlameGraph parse(String html) {
        int start = html.indexOf("const cpool = [");
        if (start < 0) {
            throw new IllegalArgumentException("not an async-profiler flame graph: no constant pool");
        }
        List<String> pool = new ArrayList<>();
        FlameGraph graph = new FlameGraph();
        int level0 = 0;
        long left0 = 0;
        long width0 = 0;
        boolean inPool = true;
        for (String line : html.substring(start).split("\n")) {
            line = line.strip();
            if (inPool) {
                if (line.startsWith("'")) {
                    String packed = unescape(line.substring(1, line.lastIndexOf('\'')));
                    pool.add(pool.isEmpty() ? packed
                            : pool.get(pool.size() - 1).substring(0, packed.charAt(0) - 32) + packed.substring(1));
                } else if (line.equals("];")) {
                    inPool = false;
                }
                continue;
            }
            if (line.length() < 4 || line.charAt(1) != '(' || "fun".indexOf(line.charAt(0)) < 0) {
                continue;
            }
            String[] args = line.substring(2, line.lastIndexOf(')')).split(",");
            int key = Integer.parseInt(args[0]);
            int level;
            long left;
            long width;
            switch (line.charAt(0)) {
                case 'f' -> {
                    level = Integer.parseInt(args[1]);
                    left = left0 + Long.parseLong(args[2]);
                    width = arg(args, 3, width0);
                }
                case 'u' -> {
                    level = level0 + 1;
                    left = left0;
                    width = arg(args, 1, width0);
                }
                default -> {
                    level = level0;
                    left = left0 + width0;
                    width = arg(args, 1, width0);
                }
            }
            level0 = level;
            left0 = left;
            width0 = width;
            while (graph.levels.size() <= level) {
                graph.levels.add(new ArrayList<>());
            }
            graph.levels.get(level).add(new Frame(pool.get(key >>> 3), key & 7, level, left, width));
        }
        for (int l = 1; l < graph.levels.size(); l++) {
            List<Frame> up = graph.levels.get(l - 1);
            int j = 0;
            for (Frame frame : graph.levels.get(l)) {
                while (j < up.size() && up.get(j).left + up.get(j).width <= frame.left) {
                    j++;
                }
                if (j == up.size()) {
                    throw new IllegalArgumentException("frame " + frame.name + " at level " + l + " has no parent");
                }
                frame.parent = up.get(j);
                frame.parent.children.add(frame);
            }
        }
        if (graph.levels.isEmpty()) {
            throw new IllegalArgumentException("a flame graph with no frame");
        }
        return graph;
    }

    /** JavaScript's {@code width || width0}: an absent or zero width repeats the previous frame's. */
    private static long arg(String[] args, int index, long previous) {
        if (index >= args.length || args[index].isBlank()) {
            return previous;
        }
        long value = Long.parseLong(args[index].strip());
        return value == 0 ? previous : value;
    }

    private static String unescape(String literal) {
        StringBuilder out = new StringBuilder(literal.length());
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (c == '\\' && i + 1 < literal.length()) {
                char next = literal.charAt(++i);
                switch (next) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'x' -> {
                        out.append((char) Integer.parseInt(literal.substring(i + 1, i + 3), 16));
                        i += 2;
                    }
                    case 'u' -> {
                        out.append((char) Integer.parseInt(literal.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                    default -> out.append(next);
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
