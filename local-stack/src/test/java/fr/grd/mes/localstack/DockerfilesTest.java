package fr.grd.mes.localstack;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each image is built from its own module: the Dockerfile copies the reactor's poms, fetches the dependencies
 * (a layer that changes only with a pom), then copies the sources of exactly that module and of the modules its
 * pom depends on, tests included (read from the poms, not from a list kept here), builds that module alone and runs it as a
 * non-root user on a JRE.
 */
class DockerfilesTest {
    private static final Path ROOT = Path.of("..");

    private static Element pom(String module) throws Exception {
        Path file = module == null ? ROOT.resolve("pom.xml") : ROOT.resolve(module).resolve("pom.xml");
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile()).getDocumentElement();
    }

    private static List<String> modules() throws Exception {
        NodeList nodes = pom(null).getElementsByTagName("module");
        List<String> modules = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            modules.add(nodes.item(i).getTextContent().trim());
        }
        return modules;
    }

    /**
     * The reactor modules {@code module} is built from, transitively and in every scope: its tests are compiled in
     * the image build too ({@code -DskipTests} skips only running them), so test-scoped modules are needed.
     */
    private static Set<String> builtFrom(String module) throws Exception {
        Set<String> found = new LinkedHashSet<>();
        NodeList dependencies = pom(module).getElementsByTagName("dependency");
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            String group = dependency.getElementsByTagName("groupId").item(0).getTextContent().trim();
            if (group.equals("fr.grd.mes")) {
                String artifact = dependency.getElementsByTagName("artifactId").item(0).getTextContent().trim();
                found.addAll(builtFrom(artifact));
                found.add(artifact);
            }
        }
        return found;
    }

    @Test
    void everyImageBuildsOnlyItsModuleWithACachedDependencyLayer() throws Exception {
        List<String> modules = modules();
        List<String> images = modules.stream().filter(m -> Files.exists(ROOT.resolve(m).resolve("Dockerfile"))).toList();
        assertThat(images).contains("request-service", "scheduling-service", "billing-service", "contract-service",
                "operator-console", "supplier-files");
        for (String module : images) {
            List<String> lines = Files.readAllLines(ROOT.resolve(module).resolve("Dockerfile")).stream()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
            assertThat(lines).as(module).doesNotContain("COPY . .");
            assertThat(lines.stream().filter(l -> l.startsWith("FROM ")).count()).as(module + ": multi-stage").isEqualTo(2);
            int offline = indexOf(lines, l -> l.startsWith("RUN ") && l.contains("dependency:go-offline"));
            int firstSource = indexOf(lines, l -> l.startsWith("COPY ") && l.contains("/src "));
            int build = indexOf(lines, l -> l.startsWith("RUN ") && l.contains(" package"));
            assertThat(offline).as(module + ": dependencies fetched from the poms alone, before any source")
                    .isGreaterThan(-1).isLessThan(firstSource);
            for (String other : modules) {
                assertThat(lines.indexOf("COPY " + other + "/pom.xml " + other + "/")).as(module + " copies " + other
                        + "'s pom before fetching").isBetween(0, offline);
            }
            Set<String> expected = new LinkedHashSet<>(builtFrom(module));
            expected.add(module);
            List<String> copiedSources = lines.stream().filter(l -> l.startsWith("COPY ") && l.contains("/src "))
                    .map(l -> l.split("\\s+")[1].replace("/src", "")).toList();
            assertThat(copiedSources).as(module + ": the sources of its module and of what it is built from")
                    .containsExactlyInAnyOrderElementsOf(expected);
            assertThat(lines.get(build)).as(module).contains("-pl " + module + " -am").contains("-DskipTests");
            assertThat(lines.get(offline)).contains("-pl " + module + " -am");
            int runtime = indexOf(lines, l -> l.startsWith("FROM ") && l.contains("-jre"));
            assertThat(runtime).as(module + ": runs on a JRE").isGreaterThan(build);
            assertThat(lines.subList(runtime, lines.size())).as(module).contains("USER 10001:10001")
                    .anySatisfy(l -> assertThat(l).startsWith("COPY --from=build /src/" + module + "/target/"));
        }
    }

    private static int indexOf(List<String> lines, java.util.function.Predicate<String> test) {
        for (int i = 0; i < lines.size(); i++) {
            if (test.test(lines.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
