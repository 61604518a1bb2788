package eu.complaintdesk.web;

import java.time.LocalDate;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code complaints.accessibility.*}: the accessibility statement of the public pages (issue 14).
 *
 * @param contactEmail where customers report an accessibility problem; empty = the organisation's
 *     own e-mail address ({@code complaints.organisation.email}); with neither, the statement
 *     offers the submission form only
 * @param assessedOn the day the pages were last assessed (the statement's date)
 */
@ConfigurationProperties("complaints.accessibility")
record AccessibilityProperties(
    @DefaultValue("") String contactEmail, @DefaultValue("2026-12-06") LocalDate assessedOn) {}
