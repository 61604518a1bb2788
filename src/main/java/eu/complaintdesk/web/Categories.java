package eu.complaintdesk.web;

import java.util.List;

/** The categories a customer may suggest on the form (the contract's; staff decide). */
final class Categories {

  static final List<String> CODES =
      List.of(
          "BILLING",
          "SUPPLY_INTERRUPTION",
          "HEATING_QUALITY",
          "HOT_WATER_QUALITY",
          "METERING",
          "CONNECTION",
          "CONTRACT",
          "STAFF_CONDUCT",
          "HOTLINE_REACHABILITY",
          "E_SERVICES",
          "OTHER");

  private Categories() {}
}
