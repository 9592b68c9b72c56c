package org.workspaceportal.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.Mockito;
import org.springframework.boot.DefaultApplicationArguments;
import org.workspaceportal.BeanValidation;

class AdminBootstrapTest {

  private static final Validator VALIDATOR =
      Validation.buildDefaultValidatorFactory().getValidator();

  private final IdentityService identity = mock(IdentityService.class);

  @Test
  void onAFirstStartTheAdminIsCreatedFromTheConfiguredNameAndPassword() {
    when(identity.hasAnyUser()).thenReturn(false);

    new AdminBootstrap(identity, VALIDATOR, "root", "configured-password")
        .run(new DefaultApplicationArguments());

    verify(identity).createUser(new NewUser("root", "configured-password", Role.ADMIN), "system");
  }

  @Test
  void withoutAConfiguredPasswordALongRandomOneIsGenerated() {
    when(identity.hasAnyUser()).thenReturn(false);
    ArgumentCaptor<NewUser> created = ArgumentCaptor.forClass(NewUser.class);

    new AdminBootstrap(identity, VALIDATOR, "admin", "").run(new DefaultApplicationArguments());

    verify(identity).createUser(created.capture(), anyString());
    assertThat(created.getValue().username()).isEqualTo("admin");
    assertThat(created.getValue().role()).isEqualTo(Role.ADMIN);
    assertThat(created.getValue().password()).hasSizeGreaterThanOrEqualTo(20);
    assertThat(BeanValidation.violations(created.getValue())).isEmpty();
  }

  @Test
  void twoFirstStartsWithoutPasswordGenerateDifferentPasswords() {
    when(identity.hasAnyUser()).thenReturn(false);
    ArgumentCaptor<NewUser> created = ArgumentCaptor.forClass(NewUser.class);

    new AdminBootstrap(identity, VALIDATOR, "admin", null).run(new DefaultApplicationArguments());
    new AdminBootstrap(identity, VALIDATOR, "admin", null).run(new DefaultApplicationArguments());

    verify(identity, Mockito.times(2)).createUser(created.capture(), anyString());
    assertThat(created.getAllValues().get(0).password())
        .isNotEqualTo(created.getAllValues().get(1).password());
  }

  @Test
  void anInvalidConfiguredAdminStopsTheStartWithAClearMessage() {
    when(identity.hasAnyUser()).thenReturn(false);

    assertThatThrownBy(
            () ->
                new AdminBootstrap(identity, VALIDATOR, "Root!", "short")
                    .run(new DefaultApplicationArguments()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("PORTAL_ADMIN_USERNAME")
        .hasMessageContaining("username")
        .hasMessageContaining("password");
    verify(identity, never()).createUser(any(), any());
  }

  @Test
  void whenAnyUserExistsNothingIsCreated() {
    when(identity.hasAnyUser()).thenReturn(true);

    new AdminBootstrap(identity, VALIDATOR, "root", "configured-password")
        .run(new DefaultApplicationArguments());

    verify(identity, never()).createUser(any(), any());
  }
}
