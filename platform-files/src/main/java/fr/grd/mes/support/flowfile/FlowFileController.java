package fr.grd.mes.support.flowfile;

import fr.grd.mes.support.security.Caller;
import fr.grd.mes.support.outcome.NotFound;
import fr.grd.mes.support.port.SupplierIdentity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * A supplier's SGE-format files of the flows this service produces: the list, a download, and an on-demand
 * export of everything since the previous file. A supplier sees only its own files (404 otherwise).
 */
@RestController
@RequestMapping("/api/v1/suppliers/{supplierId}/files")
public class FlowFileController {
    private final FlowFileExporter exporter;
    private final Clock clock;

    public FlowFileController(FlowFileExporter exporter, Clock clock) {
        this.exporter = exporter;
        this.clock = clock;
    }

    public record FileView(String fileName, String flow, int sequence, Instant periodFrom, Instant periodTo,
                           Instant createdAt, int recordCount, List<String> entries) {
        static FileView of(FlowFile file) {
            return new FileView(file.fileName(), file.flow(), file.sequence(), file.periodFrom(), file.periodTo(),
                    file.createdAt(), file.recordCount(), file.entries());
        }
    }

    @GetMapping
    public List<FileView> list(@PathVariable String supplierId, @RequestParam(required = false) String flow) {
        Caller.current().requireVisible(supplierId, "files of " + supplierId);
        return exporter.list(supplierId, flow).stream().map(FileView::of).toList();
    }

    @PostMapping("/{flow}")
    public ResponseEntity<FileView> export(@PathVariable String supplierId, @PathVariable String flow) {
        Caller.current().requireVisible(supplierId, "files of " + supplierId);
        if (!exporter.flows().contains(flow)) {
            throw new NotFound("this service produces the flows " + exporter.flows() + ", not " + flow);
        }
        try {
            return exporter.export(supplierId, flow, clock.instant())
                    .map(file -> ResponseEntity.status(HttpStatus.CREATED).body(FileView.of(file)))
                    .orElseGet(() -> ResponseEntity.noContent().build());
        } catch (SupplierIdentity.Unregistered unregistered) {
            throw new fr.grd.mes.support.outcome.Conflict(unregistered.getMessage());
        }
    }

    @GetMapping("/{fileName:.+\\.zip}")
    public ResponseEntity<byte[]> download(@PathVariable String supplierId, @PathVariable String fileName) {
        Caller.current().requireVisible(supplierId, "file " + fileName);
        FlowFile file = exporter.byName(supplierId, fileName)
                .orElseThrow(() -> new NotFound("file " + fileName + " not found"));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file.fileName() + "\"")
                .body(file.zip());
    }
}
