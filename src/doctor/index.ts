export { type Analysis, analyzeText } from './analyze';
export { type CoreDoctor, createDoctor, type DoctorOptions } from './doctor';
export { asksForDetails, requestedClient } from './follow-up';
