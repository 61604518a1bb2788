package eu.complaintdesk.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page: what a customer can do here. */
@Controller
class HomeController {

  @GetMapping("/")
  String home() {
    return "web/home";
  }
}
