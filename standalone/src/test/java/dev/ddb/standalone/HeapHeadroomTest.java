package dev.ddb.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;

import org.junit.jupiter.api.Test;

import com.sun.management.HotSpotDiagnosticMXBean;

class HeapHeadroomTest {

    @Test
    void leavesRoomAfterFullCollectionsUnlessTheCommandLineSaidOtherwise() {
        HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        String before = hotspot.getVMOption("MinHeapFreeRatio").getValue();
        try {
            HeapHeadroom.apply();
            boolean givenOnCommandLine = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                    .anyMatch(argument -> argument.contains("MinHeapFreeRatio"));
            String expected = givenOnCommandLine ? before : Integer.toString(HeapHeadroom.MIN_HEAP_FREE_PERCENT);
            assertThat(hotspot.getVMOption("MinHeapFreeRatio").getValue()).isEqualTo(expected);
        } finally {
            hotspot.setVMOption("MinHeapFreeRatio", before);
        }
    }
}
