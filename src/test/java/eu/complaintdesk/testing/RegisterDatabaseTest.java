package eu.complaintdesk.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/**
 * A test of one owner of the register's tables against a real PostgreSQL: {@link
 * RegisterTestConfiguration}'s context, the tables empty and the clock at {@link
 * RegisterTestConfiguration#NOW} before each test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringJUnitConfig(PostgresTestConfiguration.class)
@ExtendWith(EmptyRegister.class)
public @interface RegisterDatabaseTest {}
