package eu.complaintdesk.security;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The Camunda groups the process and the code refer to. Department groups come from {@code
 * dmn/RouteComplaint.dmn}.
 */
public final class Groups {

  public static final String ADMINISTRATORS = "camunda-admin";
  public static final String REGISTRARS = "registrars";
  public static final String SUPERVISORS = "supervisors";
  public static final String PROCESS_OWNERS = "process-owners";
  public static final String MANAGERS = "managers";

  /**
   * Privacy officers: they erase a customer's personal data on request and answer subject access
   * requests (with the administrators, {@link #PRIVACY}).
   */
  public static final String PRIVACY_OFFICERS = "privacy-officers";

  public static final List<String> DEPARTMENTS =
      List.of(
          "dept-billing",
          "dept-network",
          "dept-heat-quality",
          "dept-metering",
          "dept-customer-service",
          "dept-digital");

  /** The groups whose members work or watch cases: they may read case files and staff calls. */
  public static final Set<String> STAFF =
      Stream.concat(
              Stream.of(
                  REGISTRARS,
                  SUPERVISORS,
                  PROCESS_OWNERS,
                  MANAGERS,
                  PRIVACY_OFFICERS,
                  ADMINISTRATORS),
              DEPARTMENTS.stream())
          .collect(Collectors.toUnmodifiableSet());

  /** The groups whose members may read the managers' reports (KPIs and the case export). */
  public static final Set<String> REPORT_READERS =
      Set.of(MANAGERS, SUPERVISORS, PROCESS_OWNERS, ADMINISTRATORS);

  /**
   * The groups whose members work the post room ({@code /staff/post}): they print the letters of
   * customers who asked for post and record them as posted.
   */
  public static final Set<String> POST_ROOM = Set.of(REGISTRARS, ADMINISTRATORS);

  /**
   * The groups whose members may erase a customer's personal data and export what is held about
   * them ({@code /api/staff/erasures}, {@code /api/staff/subject-access}).
   */
  public static final Set<String> PRIVACY = Set.of(PRIVACY_OFFICERS, ADMINISTRATORS);

  private Groups() {}
}
