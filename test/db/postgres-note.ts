// vitest global setup of the unit tests: says at the end whether the PostgreSQL half ran, so a run
// without TEST_POSTGRES_URL cannot be mistaken for a run on both databases.
export default function setup(): () => void {
  return () => {
    const url = process.env.TEST_POSTGRES_URL;
    console.log(url
      ? `PostgreSQL half of the tests: run (TEST_POSTGRES_URL=${url.replace(/:[^:@/]*@/, ':***@')}).`
      : 'PostgreSQL half of the tests: NOT RUN (TEST_POSTGRES_URL is unset; .ci/run sets it, see README "Tests on PostgreSQL").');
  };
}
