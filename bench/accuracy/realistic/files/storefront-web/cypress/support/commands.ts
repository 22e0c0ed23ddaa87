Cypress.Commands.add('login', (email: string, password: string) => {
  cy.session([email, password], () => {
    cy.visit('/login');
    cy.get('input[name=email]').type(email);
    cy.get('input[name=password]').type(password, { log: false });
    cy.get('button[type=submit]').click();
    cy.url().should('not.include', '/login');
  });
});

Cypress.Commands.add('apiLogin', () => {
  cy.request('POST', '/api/auth/login', { email: Cypress.env('ADMIN_EMAIL'), password: Cypress.env('ADMIN_PASSWORD') });
});
