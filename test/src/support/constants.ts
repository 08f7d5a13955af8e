/** Every seeded test user's password (the demo start command gives random ones instead). */
export const TEST_PASSWORD = 'Correct-Horse-Battery-Staple-1';
export const TEMPLATE_DATABASE = 'app_template';
