package ai.clouvel.test.fakes;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records every call made through a port to a real implementation: a store and the repositories
 * it hands out, a task queue, a payment gateway, anything that is an interface. What the port
 * returns is returned unchanged, except that an interface from Clouvel's core (a repository, say)
 * is recorded too. Thread-safe.
 *
 * <pre>{@code
 * CallRecorder recorder = new CallRecorder();
 * CatalogStore catalog = recorder.wrap(CatalogStore.class, new InMemoryCatalogStore(clock));
 * ... run the code under test ...
 * assertThat(recorder.calls("CatalogStore.usage", "UsageRepository.record")).hasSize(3);
 * }</pre>
 */
public final class CallRecorder {
  private final List<Call> calls = new CopyOnWriteArrayList<>();

  /**
   * One recorded call.
   *
   * @param port the interface's simple name, for example {@code "ProductRepository"}
   * @param method the method's name
   * @param args the arguments, in order ({@code null}s kept)
   */
  public record Call(String port, String method, List<Object> args) {
    /**
     * Names the call as {@code Port.method}.
     *
     * @return the name
     */
    public String name() {
      return port + "." + method;
    }
  }

  /**
   * Wraps an implementation of a port so that every call is recorded.
   *
   * @param port the interface
   * @param target the real implementation
   * @param <T> the interface
   * @return the recording implementation
   */
  public <T> T wrap(Class<T> port, T target) {
    Objects.requireNonNull(target, "target");
    if (!port.isInterface()) {
      throw new IllegalArgumentException(port.getName() + " is not an interface");
    }
    InvocationHandler handler = (proxy, method, args) -> invoke(port, target, method, args);
    return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, handler));
  }

  private Object invoke(Class<?> port, Object target, Method method, Object[] args) throws Throwable {
    if (method.getDeclaringClass() == Object.class) {
      return method.invoke(target, args);
    }
    calls.add(new Call(port.getSimpleName(), method.getName(),
        args == null ? List.of() : java.util.Collections.unmodifiableList(Arrays.asList(args.clone()))));
    Object result;
    try {
      result = method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
    Class<?> returned = method.getReturnType();
    if (result != null && returned.isInterface() && returned.getName().startsWith("ai.clouvel.core.")) {
      return wrapUnchecked(returned, result);
    }
    return result;
  }

  @SuppressWarnings("unchecked")
  private <T> T wrapUnchecked(Class<T> type, Object target) {
    return wrap(type, (T) target);
  }

  /**
   * Returns every call, in order.
   *
   * @return the calls
   */
  public List<Call> calls() {
    return List.copyOf(calls);
  }

  /**
   * Returns the calls with one of some names, in order.
   *
   * @param names names such as {@code "TaskQueue.claim"}
   * @return the matching calls
   */
  public List<Call> calls(String... names) {
    List<String> wanted = List.of(names);
    return calls.stream().filter(c -> wanted.contains(c.name())).toList();
  }
}
