package fr.grd.mes.request.application;

import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.time.Clock;

/**
 * Case numbers of the SGE case identifier type ({@code AffaireIdType}, {@code [0-9A-Z]{4,8}}): eight characters
 * drawn from a {@link SecureRandom}, so that a supplier cannot learn another supplier's volumes from the numbers
 * it receives (a counter would tell it how many cases were filed between two of its own). A number is taken by
 * taking it in the {@link CaseNumberLedger}: a number already taken is refused
 * and another is drawn, so two cases never share one. 36⁸ ≈ 2.8 × 10¹² numbers: at a million cases a draw
 * collides once in ~2.8 million.
 */
@Component
public class CaseNumbers {
    private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".toCharArray();
    public static final int LENGTH = 8;

    private final CaseNumberLedger ledger;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public CaseNumbers(CaseNumberLedger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    public String next() {
        for (int attempt = 0; attempt < 20; attempt++) {
            String number = draw();
            if (ledger.take(number, clock.instant())) {
                return number;
            }
        }
        throw new IllegalStateException("no free case number after 20 draws");
    }

    private String draw() {
        char[] number = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            number[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(number);
    }
}
