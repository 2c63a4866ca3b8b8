/** Explanations of a rebalance: what binds at the optimum, and what each customization costs. */
export { bindingConstraints } from './binding-constraints.js';
export { customizationCosts, type RebalanceCore } from './customization-costs.js';
export { customizationsOf, type Customization } from './customizations.js';
