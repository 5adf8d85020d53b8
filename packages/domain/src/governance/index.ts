// Village self-governance rules, versioned by the law in force.
export {};
