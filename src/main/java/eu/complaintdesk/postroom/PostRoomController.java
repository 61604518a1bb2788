package eu.complaintdesk.postroom;

import eu.complaintdesk.calendar.WorkingCalendar;
import eu.complaintdesk.notification.OutboundMessage;
import eu.complaintdesk.notification.PostRoom;
import eu.complaintdesk.register.CaseReads;
import eu.complaintdesk.security.GroupMembership;
import eu.complaintdesk.security.Groups;
import eu.complaintdesk.stafflanguage.StaffLanguage;
import eu.complaintdesk.stafflanguage.StaffTexts;
import eu.complaintdesk.staffweb.StaffPages;
import eu.complaintdesk.staffweb.StaffTimes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The post room for registrars and administrators ({@link Groups#POST_ROOM}): {@code GET
 * /staff/post} lists the POST messages still to print ({@code templates/staff/post-room.html}),
 * {@code GET /staff/post/{id}.pdf} is the letter to print, {@code POST /staff/post/{id}/posted}
 * records it as posted and returns to the list (303); each letter served is recorded as a read of
 * its case ({@link CaseReads}). Other staff get 403; who is signed in at all, and that a changing
 * request comes from this site, is {@code security/StaffAuthenticationFilter}'s.
 */
@Controller
class PostRoomController {

  private final PostRoom postRoom;
  private final GroupMembership groups;
  private final WorkingCalendar calendar;
  private final CaseReads reads;
  private final StaffLanguage staff;

  PostRoomController(
      PostRoom postRoom,
      GroupMembership groups,
      WorkingCalendar calendar,
      CaseReads reads,
      StaffLanguage staff) {
    this.postRoom = postRoom;
    this.groups = groups;
    this.calendar = calendar;
    this.reads = reads;
    this.staff = staff;
  }

  @GetMapping(path = "/staff/post", produces = MediaType.TEXT_HTML_VALUE)
  ModelAndView page(Principal user, HttpServletResponse response) {
    if (!mayWorkThePostRoom(user)) {
      return StaffPages.text(HttpStatus.FORBIDDEN, staff.texts().get("postRoom.forbidden"));
    }
    return StaffPages.page(
        response,
        HttpStatus.OK,
        true,
        "staff/post-room",
        Map.of(
            "messages",
            postRoom.toPost(),
            StaffTimes.ATTRIBUTE,
            new StaffTimes(calendar.zone(), staff.language()),
            StaffTexts.ATTRIBUTE,
            staff.texts()));
  }

  @GetMapping("/staff/post/{messageId}.pdf")
  ResponseEntity<?> letter(@PathVariable String messageId, Principal user) {
    if (!mayWorkThePostRoom(user)) {
      return forbidden();
    }
    Optional<OutboundMessage> message = id(messageId).flatMap(postRoom::find);
    if (message.isEmpty()) {
      return notFound();
    }
    Optional<ResponseEntity<byte[]>> letter = postRoom.letter(message.get().id());
    if (letter.isEmpty()) {
      return notFound();
    }
    reads.record(
        message.get().complaintId(),
        user.getName(),
        CaseReads.Kind.POST_ROOM_LETTER,
        message.get().id());
    return letter.get();
  }

  @PostMapping("/staff/post/{messageId}/posted")
  ResponseEntity<String> posted(
      @PathVariable String messageId, Principal user, HttpServletRequest request) {
    if (!mayWorkThePostRoom(user)) {
      return forbidden();
    }
    Optional<Long> id = id(messageId);
    if (id.isEmpty() || !postRoom.markPosted(id.get(), user.getName())) {
      return notFound();
    }
    return ResponseEntity.status(HttpStatus.SEE_OTHER)
        .location(URI.create(request.getContextPath() + "/staff/post"))
        .cacheControl(CacheControl.noStore())
        .build();
  }

  private boolean mayWorkThePostRoom(Principal user) {
    return groups.inAny(user, Groups.POST_ROOM);
  }

  private static Optional<Long> id(String value) {
    try {
      return Optional.of(Long.parseLong(value));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private ResponseEntity<String> forbidden() {
    return text(HttpStatus.FORBIDDEN, staff.texts().get("postRoom.forbidden"));
  }

  private ResponseEntity<String> notFound() {
    return text(HttpStatus.NOT_FOUND, staff.texts().get("postRoom.notFound"));
  }

  private static ResponseEntity<String> text(HttpStatus status, String text) {
    return ResponseEntity.status(status)
        .cacheControl(CacheControl.noStore())
        .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
        .body(text);
  }
}
