export { describeNetworkFailure, hostOf, type NetworkFailure, networkFailure } from './network-failure';
