// Placeholder: replaced by the PostgreSQL test server setup.
export default function setup() {}
