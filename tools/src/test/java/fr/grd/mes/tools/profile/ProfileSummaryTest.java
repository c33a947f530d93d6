package fr.grd.mes.tools.profile;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A flame graph written the way async-profiler 4 writes its page (a prefix-packed constant pool, then one call per
 * frame), with samples placed so that each figure is known: 100 in all; the listener thread 60, of which the
 * MongoDB driver 40 (30 in the kernel's write below it) and the project's code 20; the JIT compiler 28; 12 in
 * a GC thread.
 */
class ProfileSummaryTest {
    // keys: pool index << 3 | frame type (1 JIT-compiled, 4 C++, 5 kernel)
    private static final String PAGE = String.join("\n",
            "<script>", "const cpool = [",
            "'all',",
            "' thread_start',",                                                         // 1
            "' org/springframework/kafka/listener/KafkaMessageListenerContainer$Listener.run',", // 2
            "' fr/grd/mes/request/application/CaseService.submit',",                   // 3
            "' com/mongodb/internal/connection/InternalStreamConnection.send',",        // 4
            "' sun/nio/ch/SocketDispatcher.write0',",                                  // 5
            "' __x64_sys_write',",                                                     // 6
            "' CompileBroker::compiler_thread_loop',",                                 // 7
            "' G1ConcurrentMark\\'s worker',",                                           // 8
            "];", "unpack(cpool);", "",
            "n(0,100)",
            "u(" + (1 << 3 | 4) + ",100)",       // thread_start, level 1
            "u(" + (2 << 3 | 1) + ",60)",        // listener, level 2
            "u(" + (3 << 3 | 1) + ",60)",        // CaseService.submit, level 3: 20 of its own
            "u(" + (4 << 3 | 1) + ",40)",        // Mongo send, level 4: 10 of its own
            "u(" + (5 << 3 | 1) + ",30)",        // SocketDispatcher.write0, level 5
            "u(" + (6 << 3 | 5) + ",30)",        // kernel write, level 6: 30 of its own
            "f(" + (7 << 3 | 4) + ",2,60,28)",   // compiler, level 2 beside the listener
            "n(" + (8 << 3 | 4) + ",12)",        // GC worker, level 2 beside the compiler
            "", "search();", "</script>");

    @Test
    void eachSampleIsCountedOnceUnderTheActivityThatRanIt() {
        FlameGraph graph = FlameGraph.parse(PAGE);
        assertThat(graph.samples()).isEqualTo(100);
        Map<String, Long> activities = ProfileSummary.byActivity(graph);
        assertThat(activities).containsEntry("Kafka listeners (consume, use case, store write)", 60L)
                .containsEntry("JIT compiler", 28L).containsEntry("GC", 12L);
        assertThat(activities.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(100);
    }

    @Test
    void theJdkAndKernelWorkDoneForALibraryIsTheLibrarys() {
        Map<String, Long> components = ProfileSummary.byComponent(FlameGraph.parse(PAGE));
        assertThat(components).containsEntry("MongoDB driver", 40L).containsEntry("the project's code", 20L)
                .containsEntry("JIT compiler threads", 28L).containsEntry("GC threads", 12L);
    }

    @Test
    void theConstantPoolIsUnpackedAndEscapesRead() {
        FlameGraph graph = FlameGraph.parse(PAGE);
        assertThat(graph.frames()).extracting(f -> f.name)
                .contains("com/mongodb/internal/connection/InternalStreamConnection.send", "G1ConcurrentMark's worker");
        assertThat(ProfileSummary.topSelf(graph, 1)).containsOnlyKeys("__x64_sys_write");
    }

    @Test
    void aPageThatIsNotAFlameGraphIsRefused() {
        assertThatThrownBy(() -> FlameGraph.parse("<html>no profile</html>"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("constant pool");
    }
}
