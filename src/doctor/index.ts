export { type Analysis, analyzeText } from './analyze';
export { type CoreDoctor, createDoctor, type DoctorOptions } from './doctor';
export { requestedClient } from './follow-up';
