package org.groupenrollment.eligibility.streams;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.streams.state.KeyValueStore;
import org.groupenrollment.eligibility.decision.GroupLedger;

/**
 * The ledger store, read and written without parsing or printing a whole ledger per
 * signup: most decisions of a busy group change only its waitlist's counters. A ledger is
 * decoded again only when the stored text differs from the text it was decoded from, so
 * the memo can never be stale, whoever wrote the store; and the seat lines are printed
 * again only when the seats changed.
 */
final class LedgerMemo {

    private final KeyValueStore<String, byte[]> store;

    private final Map<String, Memo> memos = new HashMap<>();

    LedgerMemo(KeyValueStore<String, byte[]> store) {
        this.store = store;
    }

    private record Memo(byte[] bytes, String seatLines, GroupLedger ledger) {
    }

    GroupLedger get(String groupId) {
        byte[] bytes = store.get(groupId);
        Memo memo = memos.get(groupId);
        if (memo != null && (memo.bytes() == bytes || Arrays.equals(memo.bytes(), bytes))) {
            return memo.ledger();
        }
        if (bytes == null) {
            return GroupLedger.EMPTY;
        }
        GroupLedger ledger = LedgerCodec.decodeLedger(new String(bytes, StandardCharsets.UTF_8));
        memos.put(groupId, new Memo(bytes, LedgerCodec.seatLines(ledger), ledger));
        return ledger;
    }

    void put(String groupId, GroupLedger ledger) {
        Memo memo = memos.get(groupId);
        String seatLines = (memo != null && memo.ledger().seats() == ledger.seats()
                && memo.ledger().capacityChanges() == ledger.capacityChanges()) ? memo.seatLines()
                        : LedgerCodec.seatLines(ledger);
        byte[] bytes = (seatLines + LedgerCodec.counterLine(ledger)).getBytes(StandardCharsets.UTF_8);
        store.put(groupId, bytes);
        memos.put(groupId, new Memo(bytes, seatLines, ledger));
    }

}
