// Starts DynamoDB Local exactly as its own main class does, but listening on 127.0.0.1 only.
// DynamoDB Local has no option for the address: its Jetty server listens on every interface, so
// anyone on the same network could read a developer's tables. Run in source-file mode
// (`java -cp DynamoDBLocal.jar LoopbackDynamoDbLocal.java <DynamoDB Local's usual arguments>`).
import java.lang.reflect.Field;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

public class LoopbackDynamoDbLocal {
  public static void main(String[] args) throws Exception {
    DynamoDBProxyServer proxy = ServerRunner.createServerFromCommandLineArgs(args);
    Field field = DynamoDBProxyServer.class.getDeclaredField("server");
    field.setAccessible(true);
    Server server = (Server) field.get(proxy);
    for (Connector connector : server.getConnectors()) ((ServerConnector) connector).setHost("127.0.0.1");
    proxy.start();
  }
}
