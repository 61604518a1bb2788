package eu.complaintdesk.system;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code complaints.organisation.*}: who runs this Complaint Desk. */
@ConfigurationProperties("complaints.organisation")
public record OrganisationProperties(
    @DefaultValue("Complaint Desk") String name,
    @DefaultValue("OTHER") String sector,
    @DefaultValue("P90D") Duration repeatWindow,
    @DefaultValue("http://localhost:8080") String publicBaseUrl,
    // the letterhead of answer letters; empty when not configured
    @DefaultValue("") String address,
    @DefaultValue("") String registrationCode,
    @DefaultValue("") String phone,
    @DefaultValue("") String email,
    @DefaultValue("") String website) {}
