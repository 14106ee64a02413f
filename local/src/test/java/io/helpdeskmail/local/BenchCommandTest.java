package io.helpdeskmail.local;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The bench measures once the JIT has settled: little compiling left in a window of the warm-up. */
class BenchCommandTest {

  @Test
  void isSettled_shouldHoldOnlyBelowOneTwentiethOfTheWindow_whenCompileTimesVary() {
    // GIVEN one-second windows of the warm-up
    long second = 1_000_000_000L;
    // WHEN the JIT compiled for 0, 49, 50 or 600 ms of one THEN only the first two count as settled
    assertTrue(BenchCommand.JitSettling.isSettled(0, second));
    assertTrue(BenchCommand.JitSettling.isSettled(49, second));
    assertFalse(BenchCommand.JitSettling.isSettled(50, second));
    assertFalse(BenchCommand.JitSettling.isSettled(600, second));
    // and a longer window allows proportionally more
    assertTrue(BenchCommand.JitSettling.isSettled(90, 2 * second));
  }
}
