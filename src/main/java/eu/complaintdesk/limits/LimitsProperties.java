package eu.complaintdesk.limits;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code complaints.limits.*}: how much one client may ask of the public side and of the sign-in,
 * and where a client's address comes from. Every count is per client address ({@link
 * ClientAddress}) and kept in memory on each node ({@link RequestLimit}). The cap of
 * acknowledgements per contact ({@code complaints.limits.acknowledgements-per-contact-per-day}) is
 * the notifications' own, counted in the database for all nodes.
 *
 * @param trustedProxies addresses or CIDR ranges of the reverse proxies whose {@code
 *     X-Forwarded-For} is believed; empty: the header is ignored
 * @param unlimitedClients addresses or CIDR ranges the per-client limits do not apply to (the
 *     organisation's own systems); empty by default
 * @param submissionsPerHour submissions (API and web form) per client
 * @param wrongAccessCodesPerClientPerHour wrong number/access-code lookups per client
 * @param wrongAccessCodesPerCasePerHour wrong access codes per registration number, from anyone
 * @param postsPerHour more information, withdrawals and survey answers per client
 * @param signInFailuresPerMinute failed sign-ins per client (engine REST, Tasklist, staff pages)
 * @param maxJsonBody largest JSON request body of our API, refused unread beyond it
 */
@ConfigurationProperties("complaints.limits")
public record LimitsProperties(
    @DefaultValue List<String> trustedProxies,
    @DefaultValue List<String> unlimitedClients,
    @DefaultValue("20") int submissionsPerHour,
    @DefaultValue("30") int wrongAccessCodesPerClientPerHour,
    @DefaultValue("10") int wrongAccessCodesPerCasePerHour,
    @DefaultValue("30") int postsPerHour,
    @DefaultValue("10") int signInFailuresPerMinute,
    @DefaultValue("256KB") DataSize maxJsonBody) {

  public LimitsProperties {
    positive("submissions-per-hour", submissionsPerHour);
    positive("wrong-access-codes-per-client-per-hour", wrongAccessCodesPerClientPerHour);
    positive("wrong-access-codes-per-case-per-hour", wrongAccessCodesPerCasePerHour);
    positive("posts-per-hour", postsPerHour);
    positive("sign-in-failures-per-minute", signInFailuresPerMinute);
    if (maxJsonBody == null || maxJsonBody.toBytes() <= 0) {
      throw new IllegalArgumentException("complaints.limits.max-json-body must be positive");
    }
    trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
    unlimitedClients = unlimitedClients == null ? List.of() : List.copyOf(unlimitedClients);
  }

  private static void positive(String key, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException("complaints.limits." + key + " must be positive");
    }
  }
}
