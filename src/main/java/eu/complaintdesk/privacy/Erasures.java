package eu.complaintdesk.privacy;

import eu.complaintdesk.problem.ApiProblem;
import eu.complaintdesk.register.Complaint;
import eu.complaintdesk.register.ComplaintRegister;
import eu.complaintdesk.register.ComplaintStatus;
import eu.complaintdesk.register.RegisterAnonymisation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Erasure on request: every case of the customer is anonymised, each in its own transaction; a case
 * still being handled is first closed as withdrawn on the customer's request (WITHDRAWN, no message
 * to the customer: the process instance is deleted, not told of a withdrawal, and messages not yet
 * sent are cancelled).
 *
 * <p>The customer is whoever the request names: by e-mail or phone, every case with that contact;
 * by registration number, that case and every case sharing its e-mail address or its phone number
 * (the customer's other cases; a customer number alone is not taken as the same person, since
 * households and companies share one).
 *
 * <p>A dry run answers the cases the request would erase, with no change and no timeline entry: a
 * registration number widened by a shared phone number may name another person's cases.
 */
@Service
class Erasures {

  private static final Logger log = LoggerFactory.getLogger(Erasures.class);

  private final ComplaintRegister register;
  private final RegisterAnonymisation registerPart;
  private final Anonymisation anonymisation;
  private final TransactionTemplate transaction;

  Erasures(
      ComplaintRegister register,
      RegisterAnonymisation registerPart,
      Anonymisation anonymisation,
      PlatformTransactionManager transactions) {
    this.register = register;
    this.registerPart = registerPart;
    this.anonymisation = anonymisation;
    this.transaction = new TransactionTemplate(transactions);
  }

  /**
   * The erased cases and counts; empty when the request names no case with personal data. Every
   * case is tried, each in its own transaction; when some fail, the others stay erased and the
   * answer is the 409 naming both (an {@link ApiProblem} with {@code erased} and {@code
   * notErased}).
   *
   * @param dryRun only the cases that would be erased (and which withdrawn): nothing changes
   */
  Optional<ErasureResult> erase(ErasureRequest request, String user, boolean dryRun) {
    List<Complaint> targets = casesOf(request);
    if (targets.isEmpty()) {
      return Optional.empty();
    }
    if (dryRun) {
      List<ErasureResult.Case> cases =
          targets.stream()
              .map(c -> new ErasureResult.Case(c.registrationNumber(), !c.status().isFinal()))
              .toList();
      log.info("Erasure previewed by {}: cases {}", user, numbers(cases));
      return Optional.of(new ErasureResult(cases, new Erased().asMap(), true));
    }
    List<ErasureResult.Case> cases = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    Erased erased = new Erased();
    for (Complaint target : targets) {
      try {
        Done done = eraseOne(target.id(), user);
        if (done != null) {
          // counted once committed: a failed commit leaves the case among those not erased
          cases.add(done.erasedCase());
          erased.add(done.erased());
        }
      } catch (RuntimeException e) {
        failed.add(target.registrationNumber());
        log.warn(
            "Erasure: case {} failed ({}), not erased",
            target.registrationNumber(),
            e.getClass().getSimpleName());
      }
    }
    log.info("Personal data erased by {}: cases {}, not erased {}", user, numbers(cases), failed);
    if (!failed.isEmpty()) {
      throw new ApiProblem(
              HttpStatus.CONFLICT,
              null,
              "Not every case was erased: erased "
                  + numbers(cases)
                  + ", not erased "
                  + failed
                  + ". Repeat the request (with the registration number of a case not erased).")
          .with("erased", numbers(cases))
          .with("notErased", failed);
    }
    if (cases.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new ErasureResult(cases, erased.asMap(), false));
  }

  /** One case erased: its line of the answer and what was removed. */
  private record Done(ErasureResult.Case erasedCase, Erased erased) {}

  /** One case in its own transaction; null when it was anonymised meanwhile (nothing changed). */
  private Done eraseOne(long id, String user) {
    return transaction.execute(
        status -> {
          // first, before the withdrawal writes anything: see Anonymisation#lockCase
          anonymisation.lockCase(id);
          Complaint complaint = register.get(id);
          boolean withdraw = !complaint.status().isFinal();
          if (withdraw) {
            // no detail: the anonymisation clears the timeline's details anyway
            register.changeStatus(id, ComplaintStatus.WITHDRAWN, user, null);
          }
          Optional<Erased> anonymised =
              anonymisation.anonymise(id, AnonymisationReason.ERASURE, user);
          if (anonymised.isEmpty()) {
            status.setRollbackOnly();
            return null;
          }
          return new Done(
              new ErasureResult.Case(complaint.registrationNumber(), withdraw), anonymised.get());
        });
  }

  private static List<String> numbers(List<ErasureResult.Case> cases) {
    return cases.stream().map(ErasureResult.Case::registrationNumber).toList();
  }

  /** The customer's cases that still hold personal data, by id: all resolved before any change. */
  private List<Complaint> casesOf(ErasureRequest request) {
    TreeSet<Long> ids = new TreeSet<>();
    if (request.registrationNumber() != null) {
      Optional<Complaint> named = register.findByRegistrationNumber(request.registrationNumber());
      if (named.isEmpty()) {
        return List.of();
      }
      ids.addAll(register.idsOfCustomer(named.get().customerEmail(), named.get().customerPhone()));
      ids.add(named.get().id());
    } else {
      ids.addAll(register.idsOfCustomer(request.email(), request.phone()));
    }
    return registerPart.withPersonalData(ids).stream().map(register::get).toList();
  }

  /**
   * The answer: the cases (registration numbers, which were withdrawn) and counts per kind; for a
   * dry run, the cases that would be erased (and which would be withdrawn), every count 0.
   */
  record ErasureResult(List<Case> cases, Map<String, Integer> erased, boolean dryRun) {

    record Case(String registrationNumber, boolean withdrawn) {}
  }
}
