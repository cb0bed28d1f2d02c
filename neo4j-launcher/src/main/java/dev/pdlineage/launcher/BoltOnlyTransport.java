package dev.pdlineage.launcher;

import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.unix.ServerDomainSocketChannel;
import io.netty.util.ReferenceCountUtil;

import org.neo4j.bolt.protocol.common.connector.transport.ConnectorTransport;

/**
 * Neo4j's Bolt port also speaks WebSocket (anything starting with {@code GET } is upgraded, whatever its
 * {@code Origin}), and no setting turns that off. A web page the user visits can open WebSockets to
 * 127.0.0.1, so it could reach the database by scanning ports. This transport, picked ahead of Neo4j's
 * own through its ConnectorTransport service, puts a guard at the head of every accepted connection:
 * only a connection whose first four bytes are the Bolt magic preamble goes on; an HTTP request, a
 * WebSocket upgrade or a TLS hello is closed before Neo4j reads a byte of it. A connection that does not send
 * the whole Bolt handshake (the preamble and its four version proposals, 20 bytes) within
 * {@link #HANDSHAKE_TIMEOUT_MS} is closed too, so idle sockets cannot pile up and hold the server's connections.
 */
public final class BoltOnlyTransport implements ConnectorTransport {
  /** The four bytes every Bolt client sends first. */
  static final int BOLT_MAGIC = 0x6060B017;

  /** The preamble and four version proposals: what a Bolt client sends before anything else. */
  static final int HANDSHAKE_BYTES = 20;

  /** How long a new connection may take to send its handshake (system property {@code pdlineage.boltHandshakeTimeoutMs}). */
  static final long HANDSHAKE_TIMEOUT_MS = Long.getLong("pdlineage.boltHandshakeTimeoutMs", 5000L);

  @Override
  public String getName() {
    return "bolt-only-nio";
  }

  /** Lower wins: ahead of epoll (0) and Neo4j's NIO transport. */
  @Override
  public int getPriority() {
    return Integer.MIN_VALUE;
  }

  @Override
  public boolean isAvailable() {
    return true;
  }

  @Override
  public boolean isNative() {
    return false;
  }

  @Override
  public EventLoopGroup createEventLoopGroup(int threads, ThreadFactory factory) {
    return new NioEventLoopGroup(threads, factory);
  }

  @Override
  public Class<? extends ServerSocketChannel> getSocketChannelType() {
    return GuardedServerSocketChannel.class;
  }

  @Override
  public Class<? extends ServerDomainSocketChannel> getDomainSocketChannelType() {
    return null; // as Neo4j's own NIO transport: no domain sockets

  }

  /** Accepts as NIO does, and puts the guard first in each new connection's pipeline. */
  public static final class GuardedServerSocketChannel extends NioServerSocketChannel {
    @Override
    protected int doReadMessages(List<Object> buf) throws Exception {
      int before = buf.size();
      int read = super.doReadMessages(buf);
      for (int i = before; i < buf.size(); i++) {
        ((Channel) buf.get(i)).pipeline().addFirst("bolt-only-guard", new BoltOnlyGuard());
      }
      return read;
    }
  }

  /**
   * Waits for the handshake; a Bolt preamble passes (and the guard leaves), anything else is closed, and so is a
   * connection that has not sent its handshake in time.
   */
  static final class BoltOnlyGuard extends ChannelInboundHandlerAdapter {
    private ByteBuf first;
    private ScheduledFuture<?> timeout;

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
      timeout = ctx.executor().schedule(() -> {
        if (ctx.pipeline().get(BoltOnlyGuard.class) == this) ctx.close();
      }, HANDSHAKE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (!(msg instanceof ByteBuf in)) {
        ReferenceCountUtil.release(msg);
        ctx.close();
        return;
      }
      if (first == null) {
        first = in;
      } else {
        first = ctx.alloc().compositeBuffer().addComponents(true, first, in);
      }
      // The preamble is judged as soon as it is here; a Bolt client then goes on only with its whole handshake.
      if (first.readableBytes() >= 4 && first.getInt(first.readerIndex()) != BOLT_MAGIC) {
        ByteBuf data = first;
        first = null;
        data.release();
        if (!refusedLogged) {
          refusedLogged = true;
          System.err.println("neo4j-launcher: refused a non-Bolt connection (HTTP/WebSocket) on the Bolt port");
        }
        ctx.close();
        return;
      }
      if (first.readableBytes() < HANDSHAKE_BYTES) return;
      ByteBuf data = first;
      first = null;
      ctx.pipeline().remove(this);
      ctx.fireChannelRead(data);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
      if (timeout != null) timeout.cancel(false);
      if (first != null) {
        first.release();
        first = null;
      }
    }
  }

  private static volatile boolean refusedLogged;
}
