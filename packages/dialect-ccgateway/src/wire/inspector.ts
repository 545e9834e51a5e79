/**
 * The agent attribute that makes an agent an inspector (Huawei's quality
 * inspection right): only inspectors may run the `qualitycontrol` family and
 * fetch every agent's events.
 */
export const INSPECTOR_ATTRIBUTE = 'ccgateway_inspector';
