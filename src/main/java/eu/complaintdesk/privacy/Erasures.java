package eu.complaintdesk.privacy;

import eu.complaintdesk.register.Complaint;
import eu.complaintdesk.register.ComplaintRegister;
import eu.complaintdesk.register.ComplaintStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 */
@Service
class Erasures {

  private static final Logger log = LoggerFactory.getLogger(Erasures.class);

  static final String WITHDRAWN_DETAIL = "Withdrawn on the customer's request to erase their data";

  private final ComplaintRegister register;
  private final Anonymisation anonymisation;
  private final TransactionTemplate transaction;

  Erasures(
      ComplaintRegister register,
      Anonymisation anonymisation,
      PlatformTransactionManager transactions) {
    this.register = register;
    this.anonymisation = anonymisation;
    this.transaction = new TransactionTemplate(transactions);
  }

  /** The erased cases and counts; empty when the request names no case with personal data. */
  Optional<ErasureResult> erase(ErasureRequest request, String user) {
    List<Long> ids = casesOf(request);
    List<ErasureResult.Case> cases = new ArrayList<>();
    Erased erased = new Erased();
    for (long id : ids) {
      ErasureResult.Case done =
          transaction.execute(
              status -> {
                Complaint complaint = register.get(id);
                boolean withdraw = !complaint.status().isFinal();
                if (withdraw) {
                  register.changeStatus(id, ComplaintStatus.WITHDRAWN, user, WITHDRAWN_DETAIL);
                }
                Optional<Erased> anonymised =
                    anonymisation.anonymise(id, AnonymisationReason.ERASURE, user);
                if (anonymised.isEmpty()) {
                  status.setRollbackOnly();
                  return null;
                }
                erased.add(anonymised.get());
                return new ErasureResult.Case(complaint.registrationNumber(), withdraw);
              });
      if (done != null) {
        cases.add(done);
      }
    }
    if (cases.isEmpty()) {
      return Optional.empty();
    }
    log.info(
        "Personal data erased by {}: cases {}",
        user,
        cases.stream().map(ErasureResult.Case::registrationNumber).toList());
    return Optional.of(new ErasureResult(cases, erased.asMap()));
  }

  private List<Long> casesOf(ErasureRequest request) {
    if (request.registrationNumber() != null) {
      Optional<Complaint> named = register.findByRegistrationNumber(request.registrationNumber());
      if (named.isEmpty()) {
        return List.of();
      }
      TreeSet<Long> ids =
          new TreeSet<>(
              register.idsOfCustomer(named.get().customerEmail(), named.get().customerPhone()));
      ids.add(named.get().id());
      return List.copyOf(ids);
    }
    return register.idsOfCustomer(request.email(), request.phone());
  }

  /** The answer: the cases (registration numbers, which were withdrawn) and counts per kind. */
  record ErasureResult(List<Case> cases, Map<String, Integer> erased) {

    record Case(String registrationNumber, boolean withdrawn) {}
  }
}
