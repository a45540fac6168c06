import { describe, expect, it } from 'vitest';
import { betaQuantile, normalQuantile, studentTQuantile, studentTTwoSidedP, wilsonInterval } from '../../analysis/index.ts';

const near = (actual: number, expected: number, tolerance = 1e-9): void => {
  expect(Math.abs(actual - expected) / Math.abs(expected)).toBeLessThan(tolerance);
};

// Reference values printed by R 4 with sprintf("%.17g", ...).
describe('distribution functions equal R', () => {
  it('qt', () => {
    near(studentTQuantile(0.975, 10), 2.2281388519862739); // qt(0.975, 10)
    near(studentTQuantile(0.975, 3.5), 2.9400886379827291); // qt(0.975, 3.5)
    near(studentTQuantile(0.025, 483), -1.9648876406116402); // qt(0.025, 483)
    near(studentTQuantile(0.975, 1e6), 1.9599663568141066); // qt(0.975, 1e6)
  });
  it('qbeta', () => {
    near(betaQuantile(0.025, 5, 10), 0.12759842985915937); // qbeta(0.025, 5, 10)
    near(betaQuantile(0.975, 1234.5, 4321.7), 0.23320809217795357); // qbeta(0.975, 1234.5, 4321.7)
    near(betaQuantile(0.025, 0.3, 7000), 4.5511976006641417e-10); // qbeta(0.025, 0.3, 7000)
  });
  it('qnorm and two-sided pt', () => {
    near(normalQuantile(0.975), 1.9599639845400536); // qnorm(0.975)
    near(studentTTwoSidedP(2.5, 12), 0.027915399571325213); // 2*pt(-2.5, 12)
    near(studentTTwoSidedP(9, 300), 2.6515895782618082e-17); // 2*pt(-9, 300)
  });
  it('Wilson interval equals prop.test(x, n, correct = FALSE)$conf.int', () => {
    const [low, high] = wilsonInterval(10 / 50, 50, 0.95) as [number, number];
    near(low, 0.11243750015776113); // prop.test(10, 50, correct = FALSE)$conf.int[1]
    near(high, 0.33037105932225413); // prop.test(10, 50, correct = FALSE)$conf.int[2]
  });
});
