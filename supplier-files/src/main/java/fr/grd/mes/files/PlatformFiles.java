package fr.grd.mes.files;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The services' public APIs as the delivery reads them, with its FILES token: the supplier registry
 * (contract-service), each flow's file list and downloads (F15 billing-service, C15 contract-service, X12
 * request-service) and a supplier's flow key.
 */
@Component
public class PlatformFiles {
    /** Which service makes which flow. */
    public static final List<String> FLOWS = List.of("F15", "C15", "X12");

    public record RegisteredSupplier(String supplierId, String displayName, String sshPublicKey, boolean flowEncryption) {
    }

    public record FileEntry(String fileName, String flow, int sequence) {
    }

    private final RestClient client;
    private final DeliveryProperties properties;

    public PlatformFiles(RestClient.Builder builder, DeliveryProperties properties) {
        this.properties = properties;
        this.client = builder.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + properties.token()).build();
    }

    private String serviceOf(String flow) {
        return switch (flow) {
            case "F15" -> properties.billingService();
            case "C15" -> properties.contractService();
            case "X12" -> properties.requestService();
            default -> throw new IllegalArgumentException("no flow " + flow);
        };
    }

    public List<RegisteredSupplier> suppliers() {
        return client.get().uri(properties.contractService() + "/api/v1/suppliers").retrieve()
                .body(new org.springframework.core.ParameterizedTypeReference<List<RegisteredSupplier>>() {
                });
    }

    public List<FileEntry> files(String supplierId, String flow) {
        return client.get().uri(serviceOf(flow) + "/api/v1/suppliers/{s}/files?flow={f}", supplierId, flow).retrieve()
                .body(new org.springframework.core.ParameterizedTypeReference<List<FileEntry>>() {
                });
    }

    public byte[] download(String supplierId, String flow, String fileName) {
        return client.get().uri(serviceOf(flow) + "/api/v1/suppliers/{s}/files/{n}", supplierId, fileName)
                .accept(MediaType.parseMediaType("application/zip")).retrieve().body(byte[].class);
    }

    public Optional<byte[]> flowKey(String supplierId) {
        try {
            Map<?, ?> key = client.get().uri(properties.contractService() + "/api/v1/suppliers/{s}/flow-key", supplierId)
                    .retrieve().body(Map.class);
            return Optional.of(Base64.getDecoder().decode((String) key.get("aes256")));
        } catch (HttpClientErrorException.NotFound none) {
            return Optional.empty();
        }
    }
}
