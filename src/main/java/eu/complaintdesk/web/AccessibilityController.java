package eu.complaintdesk.web;

import eu.complaintdesk.system.Organisation;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The accessibility statement of the public pages (EN 301 549, the model statement of the EU Web
 * Accessibility Directive): how far they comply, how that was assessed, where to report a problem
 * and where to turn then.
 */
@Controller
class AccessibilityController {

  /** The category a customer reporting a barrier on these pages chooses on the form. */
  static final String CATEGORY = "E_SERVICES";

  private final AccessibilityProperties properties;
  private final Organisation organisation;

  AccessibilityController(AccessibilityProperties properties, Organisation organisation) {
    this.properties = properties;
    this.organisation = organisation;
  }

  @GetMapping("/accessibility")
  String statement(Model model, Locale locale) {
    model.addAttribute("contactEmail", contactEmail());
    model.addAttribute("assessedOn", PageDates.date(properties.assessedOn(), locale));
    model.addAttribute("reportCategory", CATEGORY);
    model.addAttribute("country", organisation.country());
    return "web/accessibility";
  }

  /** The configured address, else the organisation's own; null when there is neither. */
  String contactEmail() {
    if (!properties.contactEmail().isBlank()) {
      return properties.contactEmail().strip();
    }
    String own = organisation.letterhead().email();
    return own == null || own.isBlank() ? null : own.strip();
  }
}
