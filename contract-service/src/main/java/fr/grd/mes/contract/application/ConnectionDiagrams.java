package fr.grd.mes.contract.application;

import java.util.Optional;

/**
 * Where the pictures of Annexe 2 are kept, addressed by their SHA-256: storing the same picture twice is one picture,
 * and a picture stays readable by every amendment that names its digest.
 */
public interface ConnectionDiagrams {
    void store(String sha256, String contentType, byte[] bytes);

    Optional<byte[]> find(String sha256);
}
