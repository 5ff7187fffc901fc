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
        // the requested page lies within the first (page + 1) × size items of the merged order, so that is all this
        // instance keeps and what each other instance sends (with its own total); asking each for a fixed number would
        // lose items beyond it
        long wanted = Math.min((long) (page + 1) * size, Integer.MAX_VALUE);
        Local mine = local(status, officer, station, openedFrom, openedTo, wanted);
        List<Item> items = new ArrayList<>(mine.first());
        long total = mine.total();
        if (!forwarded) {
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

    /** This instance's first matching items (at least {@code limit} of them in worklist order, when there are) and how many match. */
    private record Local(List<Item> first, long total) {
    }

    /**
     * This instance's part of the worklist, from the index, not from every stored case. One status is a prefix scan that
     * is already oldest first, so only the first {@code limit} matches become items; without other filters the scan stops
     * there and the total is the topology's count of cases in that status (the status-count store, summed over this
     * instance's tasks): a call costs the page, not the backlog (figures in docs/operations.md, "Worklist at 100k").
     * With filters every entry of the status is matched and counted; all statuses are collected and
     * sorted by the caller.
     */
    private Local local(Status status, String officer, String station, java.time.Instant openedFrom, java.time.Instant openedTo, long limit) {
        List<Item> items = new ArrayList<>();
        long total = 0;
        long kept = 0;
        boolean ordered = status != null;
        boolean filtered = officer != null || station != null || openedFrom != null || openedTo != null;
        var index = router.<String>localStore(ScreeningTopology.WORKLIST_STORE);
        try (var entries = ordered ? index.prefixScan(WorklistIndex.prefix(status), new StringSerializer()) : index.all()) {
            while (entries.hasNext()) {
                var kv = entries.next();
                if (ordered && kept >= limit && !filtered) {
                    return new Local(items, statusCount(status));
                }
                var e = WorklistIndex.entry(kv.key, kv.value);
                if ((officer == null || officer.equals(e.assignedOfficer())) && (station == null || station.equals(e.stationCode()))
                        && (openedFrom == null || (e.openedAt() != null && !e.openedAt().isBefore(openedFrom)))
                        && (openedTo == null || (e.openedAt() != null && e.openedAt().isBefore(openedTo)))) {
                    total++;
                    // a case not yet opened (no intake record) sorts first in the index but last in the worklist: always kept
                    if (!ordered || kept < limit || e.openedAt() == null) {
                        items.add(new Item(e.caseId(), e.status().name(), e.stationCode(), e.assignedOfficer(), e.openedAt()));
                        kept += e.openedAt() == null ? 0 : 1;
                    }
                }
            }
        }
        return new Local(items, total);
    }

    /** Cases in {@code status} on this instance: one counter per task, so the composite store's entries are summed. */
    private long statusCount(Status status) {
        long count = 0;
        try (var counts = router.<Long>localStore(ScreeningTopology.STATUS_COUNTS_STORE).all()) {
            while (counts.hasNext()) {
                var kv = counts.next();
                if (kv.key.equals(status.name()) && kv.value != null) {
                    count += kv.value;
                }
            }
        }
        return count;
    }
}
