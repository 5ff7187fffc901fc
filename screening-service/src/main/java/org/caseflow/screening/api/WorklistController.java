package org.caseflow.screening.api;

import org.caseflow.platform.kafka.InteractiveQueries;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Min;
import org.apache.kafka.streams.state.HostInfo;
import org.caseflow.screening.domain.Status;
import org.apache.kafka.common.serialization.StringSerializer;
import org.caseflow.screening.stream.ScreeningTopology;
import org.caseflow.screening.stream.WorklistIndex;
import org.caseflow.screening.stream.StoredCase;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** The queue officers work: cases filtered by status, officer and station, gathered from every instance. */
@RestController
@RequestMapping("/api/worklist")
@Validated
@Tag(name = "Worklist")
class WorklistController {

    record Item(String caseId, String status, String stationCode, String assignedOfficer, java.time.Instant openedAt) {
    }

    record Page(List<Item> items, int page, int size, long total) {
    }

    private final InteractiveQueries router;
    private final JsonMapper json = JsonMapper.builder().findAndAddModules().build();

    WorklistController(InteractiveQueries router) {
        this.router = router;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('SCREENING_OFFICER', 'SUPERVISOR', 'AUDITOR')")
    @Operation(summary = "Cases by status, assigned officer, station and when they were opened (ISO-8601 openedFrom/openedTo), oldest first, paged")
    Page worklist(@RequestParam(required = false) Status status, @RequestParam(required = false) String officer,
                  @RequestParam(required = false) String station, @RequestParam(required = false) java.time.Instant openedFrom,
                  @RequestParam(required = false) java.time.Instant openedTo, @RequestParam(defaultValue = "0") @Min(0) int page,
                  @RequestParam(defaultValue = "50") @Min(1) int size, HttpServletRequest request) {
        boolean forwarded = request.getHeader(InteractiveQueries.FORWARDED) != null;
        if (size > MAX_PAGE && !forwarded) {
            throw new org.caseflow.platform.web.CaseflowProblem(org.springframework.http.HttpStatus.BAD_REQUEST, "INVALID_REQUEST",
                    "size must be between 1 and " + MAX_PAGE + ".", java.util.Map.of());
        }
        List<Item> items = new ArrayList<>(local(status, officer, station).stream()
                .filter(i -> openedFrom == null || (i.openedAt() != null && !i.openedAt().isBefore(openedFrom)))
                .filter(i -> openedTo == null || (i.openedAt() != null && i.openedAt().isBefore(openedTo))).toList());
        long total = items.size();
        if (!forwarded) {
            // the requested page lies within the first (page + 1) × size items of the merged order, so that is what each
            // other instance sends (with its own total); asking each for a fixed number would lose items beyond it
            long wanted = Math.min((long) (page + 1) * size, Integer.MAX_VALUE);
            for (HostInfo peer : router.otherInstances()) {
                String query = "/api/worklist?page=0&size=" + wanted + (status == null ? "" : "&status=" + status)
                        + (officer == null ? "" : "&officer=" + officer) + (station == null ? "" : "&station=" + station)
                        + (openedFrom == null ? "" : "&openedFrom=" + openedFrom) + (openedTo == null ? "" : "&openedTo=" + openedTo);
                org.springframework.http.ResponseEntity<String> response;
                try {
                    response = router.forward(peer, query, request);
                } catch (org.springframework.web.client.RestClientException unreachable) {
                    response = org.springframework.http.ResponseEntity.status(503).build();
                }
                if (!response.getStatusCode().is2xxSuccessful()) {
                    // a partial worklist would look complete: say the service cannot answer now
                    throw new org.apache.kafka.streams.errors.InvalidStateStoreException("instance " + peer + " did not answer the worklist");
                }
                Page part = json.readValue(response.getBody(), Page.class);
                items.addAll(part.items());
                total += part.total();
            }
        }
        items.sort(Comparator.comparing(Item::openedAt, Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(Item::caseId));
        int from = (int) Math.min((long) page * size, items.size());
        return new Page(items.subList(from, (int) Math.min((long) from + size, items.size())), page, size, total);
    }

    /** The most items one call answers. */
    static final int MAX_PAGE = 500;

    /** This instance's part of the worklist, from the index (a prefix scan for one status), not from every stored case. */
    private List<Item> local(Status status, String officer, String station) {
        List<Item> items = new ArrayList<>();
        var index = router.<String>localStore(ScreeningTopology.WORKLIST_STORE);
        try (var entries = status == null ? index.all() : index.prefixScan(WorklistIndex.prefix(status), new StringSerializer())) {
            entries.forEachRemaining(kv -> {
                var e = WorklistIndex.entry(kv.key, kv.value);
                if ((officer == null || officer.equals(e.assignedOfficer())) && (station == null || station.equals(e.stationCode()))) {
                    items.add(new Item(e.caseId(), e.status().name(), e.stationCode(), e.assignedOfficer(), e.openedAt()));
                }
            });
        }
        return items;
    }
}
