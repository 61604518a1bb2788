package eu.complaintdesk.security;

import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Registering a complaint through the staff API is for those who may start the complaint process
 * (registrars and administrators, see {@link Authorizations}): the same rule as in Tasklist,
 * decided by the engine's authorizations. Other signed-in staff get 403.
 */
@Configuration(proxyBeanMethods = false)
class StaffRegistrationAuthorization implements WebMvcConfigurer {

  private final IdentityService identity;
  private final AuthorizationService authorizations;

  StaffRegistrationAuthorization(IdentityService identity, AuthorizationService authorizations) {
    this.identity = identity;
    this.authorizations = authorizations;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new MayRegister()).addPathPatterns("/api/staff/complaints");
  }

  private final class MayRegister implements HandlerInterceptor {

    @Override
    public boolean preHandle(
        HttpServletRequest request, HttpServletResponse response, Object handler)
        throws IOException {
      String user = request.getRemoteUser();
      if (!"POST".equals(request.getMethod()) || user == null || mayRegister(user)) {
        return true;
      }
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response
          .getWriter()
          .write(
              "{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,"
                  + "\"detail\":\"Only registrars register complaints from other channels.\"}");
      return false;
    }

    private boolean mayRegister(String user) {
      List<String> groups =
          identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
      return authorizations.isUserAuthorized(
          user,
          groups,
          CREATE_INSTANCE,
          PROCESS_DEFINITION,
          Authorizations.STAFF_REGISTRATION_PROCESS);
    }
  }
}
