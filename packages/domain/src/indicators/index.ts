// Indicator frameworks and scoring (see the indicators section of the package README).
export {};
