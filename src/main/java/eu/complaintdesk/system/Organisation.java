package eu.complaintdesk.system;

import eu.complaintdesk.calendar.CalendarProperties;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The organisation's facts that rules need (country and sector decide the appeal authority; the
 * model's listeners read them, since a deployed model may not call methods).
 */
@Component("organisation")
public class Organisation {

  private final OrganisationProperties properties;
  private final CalendarProperties calendar;

  public Organisation(OrganisationProperties properties, CalendarProperties calendar) {
    this.properties = properties;
    this.calendar = calendar;
  }

  public String name() {
    return properties.name();
  }

  /** Address, registration code and contacts, as the letterhead of answer letters shows them. */
  public OrganisationProperties letterhead() {
    return properties;
  }

  public String sector() {
    return properties.sector();
  }

  public String country() {
    return calendar.country().name();
  }

  /** Where customers reach the public pages, for links in messages. */
  public String publicBaseUrl() {
    return properties.publicBaseUrl();
  }

  public Duration repeatWindow() {
    return properties.repeatWindow();
  }
}
