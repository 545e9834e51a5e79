/** Where the two scripts answer, as on a VICIdial server. */
export const AGENT_API_PATH = '/agc/api.php';
export const NON_AGENT_API_PATH = '/vicidial/non_agent_api.php';
